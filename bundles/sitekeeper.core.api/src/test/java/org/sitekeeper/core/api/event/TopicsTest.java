package org.sitekeeper.core.api.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTest {

    @Test
    void buildsTopicsUnderTheRoot() {
        assertThat(Topics.topic("uptime", "DOWN")).isEqualTo("sitekeeper/uptime/DOWN");
        assertThat(Topics.topic("whmcs-stock", "LOW_STOCK_2")).isEqualTo("sitekeeper/whmcs-stock/LOW_STOCK_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Uptime", "up time", "1uptime", "", "uptime/x", "-uptime"})
    void refusesCapabilitiesThatAreNotLowerCaseNames(String capability) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.topic(capability, "DOWN"))
                .withMessageContaining("capability");
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "Down", "DOWN-1", "", "1DOWN", "DOWN/*"})
    void refusesEventsThatAreNotUpperCaseNames(String event) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.topic("uptime", event))
                .withMessageContaining("event");
    }

    @Test
    void allOfSubscribesToOneCapabilityInLowerCase() {
        assertThat(Topics.allOf("Uptime")).isEqualTo("sitekeeper/uptime/*");
        assertThat(Topics.ALL).isEqualTo("sitekeeper/*");
    }

    @Test
    void upAndResolvedAreRecoveries() {
        assertThat(Topics.isRecovery("sitekeeper/uptime/UP")).isTrue();
        assertThat(Topics.isRecovery("sitekeeper/ssl/RESOLVED")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sitekeeper/uptime/DOWN", "sitekeeper/backup/BACKUP", "sitekeeper/x/UNRESOLVED", "UP"})
    void otherEventsAreNotRecoveries(String topic) {
        assertThat(Topics.isRecovery(topic)).isFalse();
    }
}
