package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.notifications.api.RuleTarget;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSpecTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final SiteFacts SHOP =
            new SiteFacts(42, "Shop", "https://shop.example", "eu", List.of("woo", "b2b"));

    private static AlertEvent alert(String topic, String severity, Long siteId) {
        return AlertEvent.from(
                topic,
                siteId == null ? Map.of("severity", severity) : Map.of("severity", severity, "site.id", siteId),
                AT);
    }

    private static RuleSpec rule(
            List<String> topics, Severity minSeverity, Set<Long> siteIds, Set<String> groups, Set<String> tags) {
        return new RuleSpec(
                1,
                "ops",
                true,
                0,
                topics.stream().map(t -> TopicPattern.parse("topics", t)).toList(),
                minSeverity,
                siteIds,
                groups,
                tags,
                List.of(new RuleTarget(7L, List.of())),
                Duration.ofMinutes(10),
                Duration.ofMinutes(240),
                Duration.ofSeconds(5),
                false);
    }

    private static RuleSpec everything() {
        return rule(List.of(), Severity.INFO, Set.of(), Set.of(), Set.of());
    }

    @Test
    void aRuleWithoutConditionsMatchesEveryAlertWithOrWithoutSite() {
        assertThat(everything().matches(alert("sitekeeper/uptime/DOWN", "info", 42L), SHOP))
                .isTrue();
        assertThat(everything().matches(alert("sitekeeper/backup/FAILED", "info", null), null))
                .isTrue();
    }

    @Test
    void aDisabledRuleMatchesNothing() {
        RuleSpec enabled = everything();
        RuleSpec disabled = new RuleSpec(
                enabled.id(),
                enabled.name(),
                false,
                enabled.position(),
                enabled.topics(),
                enabled.minSeverity(),
                enabled.siteIds(),
                enabled.groups(),
                enabled.tags(),
                enabled.targets(),
                enabled.cooldown(),
                enabled.repeat(),
                enabled.groupWait(),
                enabled.isDefault());

        assertThat(disabled.matches(alert("sitekeeper/uptime/DOWN", "critical", 42L), SHOP))
                .isFalse();
    }

    @Test
    void anyOfTheTopicPatternsMustMatch() {
        RuleSpec rule = rule(
                List.of("sitekeeper/uptime/*", "sitekeeper/ssl/EXPIRING"), Severity.INFO, Set.of(), Set.of(), Set.of());

        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "warning", null), null))
                .isTrue();
        assertThat(rule.matches(alert("sitekeeper/ssl/EXPIRING", "warning", null), null))
                .isTrue();
        assertThat(rule.matches(alert("sitekeeper/ssl/EXPIRED", "warning", null), null))
                .isFalse();
    }

    @Test
    void anAlertBelowTheMinimumSeverityDoesNotMatch() {
        RuleSpec rule = rule(List.of(), Severity.WARNING, Set.of(), Set.of(), Set.of());

        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "info", null), null))
                .isFalse();
        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "warning", null), null))
                .isTrue();
        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "critical", null), null))
                .isTrue();
    }

    @Test
    void aRecoveryMatchesWhateverItsSeverity() {
        RuleSpec criticalOnly = rule(List.of(), Severity.CRITICAL, Set.of(), Set.of(), Set.of());

        assertThat(criticalOnly.matches(alert("sitekeeper/uptime/DOWN", "warning", 42L), SHOP))
                .isFalse();
        assertThat(criticalOnly.matches(alert("sitekeeper/uptime/UP", "info", 42L), SHOP))
                .isTrue();
    }

    @Test
    void aRuleForTheFiringEventsOfACapabilityAlsoCarriesTheirRecoveries() {
        RuleSpec downs = rule(List.of("sitekeeper/uptime/DOWN"), Severity.INFO, Set.of(), Set.of(), Set.of());
        RuleSpec everyDown = rule(List.of("sitekeeper/*/DOWN"), Severity.INFO, Set.of(), Set.of(), Set.of());

        assertThat(downs.matches(alert("sitekeeper/uptime/UP", "info", 42L), SHOP))
                .isTrue();
        assertThat(everyDown.matches(alert("sitekeeper/ssl/RESOLVED", "info", 42L), SHOP))
                .isTrue();
        assertThat(downs.matches(alert("sitekeeper/uptime/SLOW", "critical", 42L), SHOP))
                .isFalse();
        assertThat(downs.matches(alert("sitekeeper/ssl/RESOLVED", "info", 42L), SHOP))
                .isFalse();
    }

    @Test
    void siteIdsMatchOnlyAlertsAboutThoseSites() {
        RuleSpec rule = rule(List.of(), Severity.INFO, Set.of(42L, 43L), Set.of(), Set.of());

        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "info", 42L), null))
                .isTrue();
        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "info", 44L), null))
                .isFalse();
        assertThat(rule.matches(alert("sitekeeper/backup/FAILED", "info", null), null))
                .isFalse();
    }

    @Test
    void groupsNeedTheSiteFacts() {
        RuleSpec rule = rule(List.of(), Severity.INFO, Set.of(), Set.of("eu", "us"), Set.of());
        AlertEvent down = alert("sitekeeper/uptime/DOWN", "info", 42L);

        assertThat(rule.matches(down, SHOP)).isTrue();
        assertThat(rule.matches(down, null)).isFalse();
        assertThat(rule.matches(down, SiteFacts.unknown(42))).isFalse();
        assertThat(rule.matches(down, new SiteFacts(42, "Shop", null, "asia", List.of())))
                .isFalse();
    }

    @Test
    void anyOfTheTagsMatchesAndTagsNeedTheSiteFacts() {
        RuleSpec rule = rule(List.of(), Severity.INFO, Set.of(), Set.of(), Set.of("b2b", "shopify"));
        AlertEvent down = alert("sitekeeper/uptime/DOWN", "info", 42L);

        assertThat(rule.matches(down, SHOP)).isTrue();
        assertThat(rule.matches(down, new SiteFacts(42, "Shop", null, "eu", List.of("woo"))))
                .isFalse();
        assertThat(rule.matches(down, null)).isFalse();
        assertThat(rule.matches(down, SiteFacts.unknown(42))).isFalse();
    }

    @Test
    void everyConditionMustHold() {
        RuleSpec rule =
                rule(List.of("sitekeeper/uptime/*"), Severity.WARNING, Set.of(42L), Set.of("eu"), Set.of("woo"));

        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "critical", 42L), SHOP))
                .isTrue();
        assertThat(rule.matches(alert("sitekeeper/ssl/EXPIRED", "critical", 42L), SHOP))
                .isFalse();
        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "info", 42L), SHOP))
                .isFalse();
        assertThat(rule.matches(alert("sitekeeper/uptime/DOWN", "critical", 43L), SHOP))
                .isFalse();
        assertThat(rule.matches(
                        alert("sitekeeper/uptime/DOWN", "critical", 42L),
                        new SiteFacts(42, "Shop", null, "us", List.of("woo"))))
                .isFalse();
    }

    @Test
    void theRuleKeepsItsOwnCopiesOfTheConditions() {
        Set<Long> siteIds = new HashSet<>(Set.of(42L));
        RuleSpec rule = rule(List.of(), Severity.INFO, siteIds, Set.of(), Set.of());

        siteIds.add(43L);

        assertThat(rule.siteIds()).containsExactly(42L);
    }

    @Test
    void unknownSitesHaveANameButNoGroupUrlOrTags() {
        SiteFacts unknown = SiteFacts.unknown(9);

        assertThat(unknown.id()).isEqualTo(9);
        assertThat(unknown.name()).isEqualTo("site 9");
        assertThat(unknown.url()).isNull();
        assertThat(unknown.group()).isNull();
        assertThat(unknown.tags()).isEmpty();
    }
}
