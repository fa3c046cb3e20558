package org.sitekeeper.notifications.internal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Chooses the rules an alert goes through: every matching rule, in position order; the default rules only
 * when no other rule matched. A recovery goes through the matching default rules too, after the others: its
 * alert may have gone through them, and the policy sends it only through rules that sent the alert.
 */
public final class Router {

    private Router() {}

    public static List<RuleSpec> route(AlertEvent alert, SiteFacts site, List<RuleSpec> rules) {
        List<RuleSpec> ordered = rules.stream()
                .sorted(Comparator.comparingInt(RuleSpec::position).thenComparingLong(RuleSpec::id))
                .toList();
        List<RuleSpec> matched = ordered.stream()
                .filter(rule -> !rule.isDefault() && rule.matches(alert, site))
                .toList();
        if (!matched.isEmpty() && !alert.recovery()) {
            return matched;
        }
        List<RuleSpec> defaults = ordered.stream()
                .filter(rule -> rule.isDefault() && rule.matches(alert, site))
                .toList();
        return Stream.concat(matched.stream(), defaults.stream()).toList();
    }
}
