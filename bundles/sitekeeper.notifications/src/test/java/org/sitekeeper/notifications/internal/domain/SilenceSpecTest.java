package org.sitekeeper.notifications.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceSpecTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant END = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant DURING = Instant.parse("2026-03-01T11:00:00Z");
    private static final SiteFacts SHOP = new SiteFacts(42, "Shop", "https://shop.example", "eu", List.of("woo"));

    private static SilenceSpec silence(Set<Long> siteIds, Set<String> groups, List<String> topics) {
        return new SilenceSpec(
                1,
                SilenceSpec.MAINTENANCE,
                siteIds,
                groups,
                topics.stream().map(t -> TopicPattern.parse("topics", t)).toList(),
                Window.once(START, END));
    }

    private static AlertEvent down(Long siteId) {
        return AlertEvent.from("sitekeeper/uptime/DOWN", siteId == null ? Map.of() : Map.of("site.id", siteId), START);
    }

    @Test
    void aSilenceWithoutConditionsCoversEverythingWhileItsWindowIsActive() {
        SilenceSpec everything = silence(Set.of(), Set.of(), List.of());

        assertThat(everything.covers(down(42L), SHOP, DURING)).isTrue();
        assertThat(everything.covers(down(null), null, DURING)).isTrue();
        assertThat(everything.covers(null, null, null, DURING)).isTrue();
        assertThat(everything.covers(down(42L), SHOP, START.minusSeconds(1))).isFalse();
        assertThat(everything.covers(down(42L), SHOP, END)).isFalse();
    }

    @Test
    void siteIdsCoverOnlyAlertsAboutThoseSites() {
        SilenceSpec silence = silence(Set.of(42L), Set.of(), List.of());

        assertThat(silence.covers(down(42L), null, DURING)).isTrue();
        assertThat(silence.covers(down(43L), null, DURING)).isFalse();
        assertThat(silence.covers(down(null), null, DURING)).isFalse();
    }

    @Test
    void groupsNeedTheSiteFacts() {
        SilenceSpec silence = silence(Set.of(), Set.of("eu"), List.of());

        assertThat(silence.covers(down(42L), SHOP, DURING)).isTrue();
        assertThat(silence.covers(down(42L), null, DURING)).isFalse();
        assertThat(silence.covers(down(42L), SiteFacts.unknown(42), DURING)).isFalse();
        assertThat(silence.covers(down(43L), new SiteFacts(43, "Other", null, "us", List.of()), DURING))
                .isFalse();
    }

    @Test
    void anyOfTheTopicPatternsCovers() {
        SilenceSpec silence = silence(Set.of(), Set.of(), List.of("sitekeeper/uptime/*", "sitekeeper/ssl/EXPIRED"));

        assertThat(silence.covers(down(42L), SHOP, DURING)).isTrue();
        assertThat(silence.covers(42L, SHOP, "sitekeeper/ssl/EXPIRED", DURING)).isTrue();
        assertThat(silence.covers(42L, SHOP, "sitekeeper/ssl/EXPIRING", DURING)).isFalse();
        assertThat(silence.covers(42L, SHOP, null, DURING)).isFalse();
    }

    @Test
    void everyConditionMustHold() {
        SilenceSpec silence = silence(Set.of(42L), Set.of("eu"), List.of("sitekeeper/uptime/*"));

        assertThat(silence.covers(down(42L), SHOP, DURING)).isTrue();
        assertThat(silence.covers(42L, SHOP, "sitekeeper/ssl/EXPIRED", DURING)).isFalse();
        assertThat(silence.covers(down(42L), new SiteFacts(42, "Shop", null, "us", List.of()), DURING))
                .isFalse();
        assertThat(silence.covers(down(42L), SHOP, END)).isFalse();
    }

    @Test
    void aWeeklyMaintenanceWindowCoversOnlyItsOccurrences() {
        SilenceSpec weekly = new SilenceSpec(
                2,
                SilenceSpec.MAINTENANCE,
                Set.of(42L),
                Set.of(),
                List.of(),
                Window.weekly(
                        START,
                        null,
                        Set.of(DayOfWeek.SUNDAY),
                        LocalTime.of(23, 0),
                        Duration.ofMinutes(120),
                        ZoneId.of("Europe/Paris")));

        // Monday 2 March 2026 00:30 in Paris, inside Sunday's 23:00 window
        assertThat(weekly.covers(down(42L), SHOP, Instant.parse("2026-03-01T23:30:00Z")))
                .isTrue();
        assertThat(weekly.covers(down(42L), SHOP, Instant.parse("2026-03-02T23:30:00Z")))
                .isFalse();
    }
}
