package org.sitekeeper.core.api.event;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SitekeeperEventTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void requiresOccurredAt() {
        SitekeeperEvent event = SitekeeperEvent.of("uptime", "DOWN").site(7);

        assertThatIllegalStateException()
                .isThrownBy(event::toEvent)
                .withMessage("occurred.at is required on sitekeeper/uptime/DOWN");
    }

    @Test
    void carriesTheStandardProperties() {
        Event event = SitekeeperEvent.of("uptime", "DOWN")
                .site(42)
                .severity(Severity.CRITICAL)
                .alertKey("uptime:7")
                .title("shop.example.com is down")
                .message("Connection refused")
                .link("/sites/42")
                .actor("alice")
                .occurredAt(AT)
                .toEvent();

        assertThat(event.getTopic()).isEqualTo("sitekeeper/uptime/DOWN");
        assertThat(event.getProperty(EventProperties.SITE_ID)).isEqualTo(42L);
        assertThat(event.getProperty(EventProperties.SEVERITY)).isEqualTo("critical");
        assertThat(event.getProperty(EventProperties.ALERT_KEY)).isEqualTo("uptime:7");
        assertThat(event.getProperty(EventProperties.TITLE)).isEqualTo("shop.example.com is down");
        assertThat(event.getProperty(EventProperties.MESSAGE)).isEqualTo("Connection refused");
        assertThat(event.getProperty(EventProperties.LINK)).isEqualTo("/sites/42");
        assertThat(event.getProperty(EventProperties.ACTOR)).isEqualTo("alice");
        assertThat(event.getProperty(EventProperties.OCCURRED_AT)).isEqualTo("2026-03-01T10:15:30Z");
    }

    @Test
    void severityDefaultsToInfo() {
        Event event = SitekeeperEvent.of("sites", "CREATED").occurredAt(AT).toEvent();

        assertThat(event.getProperty(EventProperties.SEVERITY)).isEqualTo("info");
        assertThat(event.containsProperty(EventProperties.SITE_ID)).isFalse();
    }

    @Test
    void nullValuesAreLeftOut() {
        Event event = SitekeeperEvent.of("sites", "CREATED")
                .title(null)
                .property("extra", null)
                .property("count", 3)
                .occurredAt(AT)
                .toEvent();

        assertThat(event.containsProperty(EventProperties.TITLE)).isFalse();
        assertThat(event.containsProperty("extra")).isFalse();
        assertThat(event.getProperty("count")).isEqualTo(3);
    }

    @Test
    void propertyNeedsAKey() {
        assertThatNullPointerException()
                .isThrownBy(() -> SitekeeperEvent.of("sites", "CREATED").property(null, "x"));
    }

    @Test
    void checksTheTopicShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> SitekeeperEvent.of("Sites", "CREATED"));
        assertThatIllegalArgumentException().isThrownBy(() -> SitekeeperEvent.of("sites", "created"));
    }

    @Test
    void laterChangesDoNotAlterAnEventAlreadyBuilt() {
        SitekeeperEvent builder =
                SitekeeperEvent.of("sites", "CREATED").title("first").occurredAt(AT);
        Event first = builder.toEvent();

        builder.title("second");

        assertThat(first.getProperty(EventProperties.TITLE)).isEqualTo("first");
        assertThat(builder.toEvent().getProperty(EventProperties.TITLE)).isEqualTo("second");
    }

    @Test
    void severityWireNamesRoundTrip() {
        for (Severity severity : Severity.values()) {
            assertThat(Severity.fromWireName(severity.wireName())).contains(severity);
        }
        assertThat(Severity.fromWireName("fatal")).isEmpty();
    }
}
