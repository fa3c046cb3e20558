package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.event.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final SiteFacts SHOP = new SiteFacts(42, "Shop", "https://shop.example", "eu", List.of("woo"));

    private static AlertEvent alert(String topic, String severity) {
        return AlertEvent.from(topic, Map.of("severity", severity, "site.id", 42L), AT);
    }

    private static RuleSpec rule(
            long id, int position, boolean enabled, boolean isDefault, String topic, Severity minSeverity) {
        return new RuleSpec(
                id,
                "rule " + id,
                enabled,
                position,
                topic == null ? List.of() : List.of(TopicPattern.parse("topics", topic)),
                minSeverity,
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(),
                Duration.ofMinutes(10),
                Duration.ofMinutes(240),
                Duration.ofSeconds(5),
                isDefault);
    }

    private static RuleSpec rule(long id, int position) {
        return rule(id, position, true, false, null, Severity.INFO);
    }

    private static RuleSpec defaultRule(long id, int position) {
        return rule(id, position, true, true, null, Severity.INFO);
    }

    private static List<Long> ids(List<RuleSpec> rules) {
        return rules.stream().map(RuleSpec::id).toList();
    }

    @Test
    void everyMatchingRuleIsUsedInPositionOrderThenById() {
        List<RuleSpec> rules = List.of(rule(5, 2), rule(3, 1), rule(9, 1), rule(1, 3));

        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "critical"), SHOP, rules)))
                .containsExactly(3L, 9L, 5L, 1L);
    }

    @Test
    void rulesThatDoNotMatchAreLeftOut() {
        List<RuleSpec> rules = List.of(
                rule(1, 1, true, false, "sitekeeper/ssl/*", Severity.INFO),
                rule(2, 2, true, false, "sitekeeper/uptime/*", Severity.INFO),
                rule(3, 3, true, false, null, Severity.CRITICAL),
                rule(4, 4, false, false, null, Severity.INFO));

        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "warning"), SHOP, rules)))
                .containsExactly(2L);
    }

    @Test
    void defaultRulesAreUsedOnlyWhenNoOtherRuleMatched() {
        List<RuleSpec> rules = List.of(
                defaultRule(10, 0), rule(1, 1, true, false, "sitekeeper/ssl/*", Severity.INFO), defaultRule(11, 5));

        assertThat(ids(Router.route(alert("sitekeeper/ssl/EXPIRED", "warning"), SHOP, rules)))
                .containsExactly(1L);
        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "warning"), SHOP, rules)))
                .containsExactly(10L, 11L);
    }

    @Test
    void aDisabledRuleDoesNotKeepTheDefaultRulesAway() {
        List<RuleSpec> rules = List.of(rule(1, 1, false, false, null, Severity.INFO), defaultRule(10, 2));

        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "warning"), SHOP, rules)))
                .containsExactly(10L);
    }

    @Test
    void defaultRulesAlsoRespectTheirConditions() {
        List<RuleSpec> rules = List.of(
                rule(10, 1, true, true, "sitekeeper/uptime/*", Severity.INFO),
                rule(11, 2, true, true, null, Severity.CRITICAL),
                rule(12, 3, false, true, null, Severity.INFO));

        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "warning"), SHOP, rules)))
                .containsExactly(10L);
        assertThat(ids(Router.route(alert("sitekeeper/backup/FAILED", "warning"), SHOP, rules)))
                .isEmpty();
        assertThat(ids(Router.route(alert("sitekeeper/backup/FAILED", "critical"), SHOP, rules)))
                .containsExactly(11L);
    }

    @Test
    void aRecoveryAlsoGoesThroughTheDefaultRulesThatMayHaveSentItsAlert() {
        RuleSpec criticalOnly = rule(1, 1, true, false, null, Severity.CRITICAL);
        RuleSpec fallback = defaultRule(10, 2);
        List<RuleSpec> rules = List.of(criticalOnly, fallback);

        assertThat(ids(Router.route(alert("sitekeeper/uptime/DOWN", "warning"), SHOP, rules)))
                .containsExactly(10L);
        assertThat(ids(Router.route(alert("sitekeeper/uptime/UP", "info"), SHOP, rules)))
                .containsExactly(1L, 10L);
    }

    @Test
    void theRecoveryOfAWarningSentThroughTheDefaultRuleIsSentThroughItToo() {
        List<RuleSpec> rules = List.of(rule(1, 1, true, false, null, Severity.CRITICAL), defaultRule(10, 2));
        Map<Long, RouteState> states = new HashMap<>();

        List<Long> sent = new ArrayList<>();
        for (AlertEvent event :
                List.of(alert("sitekeeper/uptime/DOWN", "warning"), alert("sitekeeper/uptime/UP", "info"))) {
            for (RuleSpec rule : Router.route(event, SHOP, rules)) {
                Decision decision = NotificationPolicy.decide(
                        event, rule, states.getOrDefault(rule.id(), RouteState.NEW), false, AT);
                states.put(rule.id(), decision.state());
                if (decision.action() == Decision.Action.SEND) {
                    sent.add(rule.id());
                }
            }
        }

        assertThat(sent).containsExactly(10L, 10L);
    }

    @Test
    void aRecoveryGoesThroughTheRulesForItsFiringEvent() {
        List<RuleSpec> rules = List.of(rule(1, 1, true, false, "sitekeeper/uptime/DOWN", Severity.CRITICAL));

        assertThat(ids(Router.route(alert("sitekeeper/uptime/UP", "info"), SHOP, rules)))
                .containsExactly(1L);
    }

    @Test
    void withoutRulesNothingIsRouted() {
        assertThat(Router.route(alert("sitekeeper/uptime/DOWN", "critical"), SHOP, List.of()))
                .isEmpty();
    }
}
