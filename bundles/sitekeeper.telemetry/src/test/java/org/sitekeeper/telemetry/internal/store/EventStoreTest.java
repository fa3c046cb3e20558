package org.sitekeeper.telemetry.internal.store;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTest {

    @Test
    void eventsAreStoredOnceByEventIdAndTheInstallationsErrorRateFollows() {
        TelemetryStores stores = TelemetryTestDatabase.open("events");
        String id = UUID.randomUUID().toString();
        stores.installations()
                .write(List.of(new HeartbeatWrite(
                        id,
                        true,
                        "m-1",
                        "woocommerce",
                        "",
                        null,
                        "1.0.0",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "active",
                        1000)));
        long now = 10_000_000L;
        List<Boolean> stored = stores.events()
                .write(List.of(
                        new EventWrite(id, "e-1", "payment_failed", "error", true, "{}", null, now, now),
                        new EventWrite(id, "e-1", "payment_failed", "error", true, "{}", null, now, now),
                        new EventWrite(id, null, "payment_success", "info", false, null, null, now, now),
                        new EventWrite(id, null, "payment_success", "info", false, null, null, now, now)));
        assertThat(stored).containsExactly(true, false, true, true);
        assertThat(stores.events()
                        .write(List.of(new EventWrite(id, "e-1", "error", "error", true, null, null, now, now))))
                .containsExactly(false);

        assertThat(stores.events().recent(id, 10)).hasSize(3);
        InstallationRow row = stores.installations().find(id).orElseThrow();
        assertThat(row.events24h()).isEqualTo(3);
        assertThat(row.errors24h()).isEqualTo(1);
        assertThat(row.errorRate()).isEqualTo(33.33);
        assertThat(stores.events().countsSince(0)).containsKey(id);
        assertThat(stores.events().countsSince(0).get(id)).containsExactly(3, 1);

        assertThat(stores.events().deleteBefore(now + 1)).isEqualTo(3);
        assertThat(stores.events().recent(id, 10)).isEmpty();
    }
}
