package org.sitekeeper.telemetry.internal.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallationStoreTest {

    private TelemetryStores stores;
    private InstallationStore installations;

    @BeforeEach
    void open() {
        stores = TelemetryTestDatabase.open("installations");
        installations = stores.installations();
    }

    private static HeartbeatWrite write(
            String id, boolean isNew, String merchant, String site, String version, long at) {
        return new HeartbeatWrite(
                id,
                isNew,
                merchant,
                "woocommerce",
                site,
                null,
                version,
                "php",
                "production",
                "8.1.0",
                "6.4",
                null,
                0.5,
                "active",
                at);
    }

    @Test
    void aBatchInsertsNewInstallationsAndMergesRepeatsIntoOneUpdate() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<String> ids = installations.write(List.of(
                write(a, true, "m-1", "", "1.0.0", 1000),
                write(b, true, "m-2", "", "1.0.0", 1000),
                write(a, false, "m-1", "", "1.0.1", 2000)));

        assertThat(ids).containsExactly(a, b, a);
        InstallationRow row = installations.find(a).orElseThrow();
        assertThat(row.pluginVersion()).isEqualTo("1.0.1");
        assertThat(row.heartbeatCount()).isEqualTo(2);
        assertThat(row.lastHeartbeat().toEpochMilli()).isEqualTo(2000);
        assertThat(installations.index()).hasSize(2);

        installations.write(List.of(write(b, false, "m-2", "", "1.1.0", 3000)));
        assertThat(installations.find(b).orElseThrow().heartbeatCount()).isEqualTo(2);
        assertThat(installations.find(b).orElseThrow().pluginVersion()).isEqualTo("1.1.0");
    }

    @Test
    void aHeartbeatWithAnUnchangedProfileWritesItsOwnColumnsAndKeepsTheProfile() {
        String a = UUID.randomUUID().toString();
        installations.write(List.of(write(a, true, "m-1", "", "1.0.0", 1000)));
        HeartbeatWrite touch = new HeartbeatWrite(
                        a,
                        false,
                        "m-1",
                        "woocommerce",
                        "",
                        null,
                        "9.9.9",
                        null,
                        null,
                        null,
                        null,
                        null,
                        2.0,
                        "outdated",
                        5000)
                .profileUnchanged();
        installations.write(List.of(touch));

        InstallationRow row = installations.find(a).orElseThrow();
        assertThat(row.pluginVersion()).as("profile kept").isEqualTo("1.0.0");
        assertThat(row.phpVersion()).isEqualTo("8.1.0");
        assertThat(row.status()).isEqualTo("outdated");
        assertThat(row.errorsLastHour()).isEqualTo(2.0);
        assertThat(row.heartbeatCount()).isEqualTo(2);
        assertThat(row.lastHeartbeat().toEpochMilli()).isEqualTo(5000);
    }

    @Test
    void anUnchangedAndAChangedHeartbeatOfOneInstallationInOneBatchWriteTheProfile() {
        String a = UUID.randomUUID().toString();
        installations.write(List.of(write(a, true, "m-1", "", "1.0.0", 1000)));
        installations.write(List.of(
                write(a, false, "m-1", "", "1.1.0", 2000),
                write(a, false, "m-1", "", "1.1.0", 3000).profileUnchanged()));

        InstallationRow row = installations.find(a).orElseThrow();
        assertThat(row.pluginVersion()).isEqualTo("1.1.0");
        assertThat(row.heartbeatCount()).isEqualTo(3);
    }

    @Test
    void anUnchangedProfileOfAnInstallationThatWasNeverStoredIsInsertedWhole() {
        String a = UUID.randomUUID().toString();
        installations.write(List.of(write(a, false, "m-1", "", "1.0.0", 1000).profileUnchanged()));

        InstallationRow row = installations.find(a).orElseThrow();
        assertThat(row.pluginVersion()).isEqualTo("1.0.0");
        assertThat(row.heartbeatCount()).isEqualTo(1);
    }

    @Test
    void anUpdateOfAnInstallationThatWasNeverStoredInsertsIt() {
        String a = UUID.randomUUID().toString();
        installations.write(List.of(write(a, false, "m-1", "", "1.0.0", 1000)));

        assertThat(installations.find(a)).isPresent();
        assertThat(installations.find(a).orElseThrow().heartbeatCount()).isEqualTo(1);
    }

    @Test
    void anInstallationStoredMeanwhileByAnotherNodeIsUpdatedUnderItsStoredId() {
        String stored = UUID.randomUUID().toString();
        installations.write(List.of(write(stored, true, "m-1", "k", "1.0.0", 1000)));
        String other = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();

        List<String> ids = installations.write(
                List.of(write(other, true, "m-1", "k", "1.0.2", 2000), write(fresh, true, "m-3", "", "2.0.0", 2000)));

        assertThat(ids).containsExactly(stored, fresh);
        assertThat(installations.find(stored).orElseThrow().pluginVersion()).isEqualTo("1.0.2");
        assertThat(installations.find(stored).orElseThrow().heartbeatCount()).isEqualTo(2);
        assertThat(installations.find(other)).isEmpty();
        assertThat(installations.find(fresh)).isPresent();
    }

    @Test
    void listsFilterCountAndPage() {
        for (int i = 0; i < 5; i++) {
            installations.write(List.of(write(UUID.randomUUID().toString(), true, "m-" + i, "", "1.0.0", 1000 + i)));
        }
        String blocked = installations.index().get(0).id();
        installations.setStatuses(List.<String[]>of(new String[] {blocked, "blocked"}));

        InstallationStore.Filter all = new InstallationStore.Filter(null, null, null, null);
        assertThat(installations.count(all)).isEqualTo(5);
        assertThat(installations.list(all, 0, 2)).hasSize(2);
        assertThat(installations.list(all, 4, 2)).hasSize(1);
        assertThat(installations.list(all, 0, 5).get(0).lastHeartbeat().toEpochMilli())
                .isEqualTo(1004);
        InstallationStore.Filter onlyBlocked = new InstallationStore.Filter("blocked", "woocommerce", null, null);
        assertThat(installations.list(onlyBlocked, 0, 10))
                .extracting(InstallationRow::id)
                .containsExactly(blocked);
        assertThat(installations.count(new InstallationStore.Filter(null, "prestashop", null, null)))
                .isZero();

        InstallationStore.Counts counts = installations.counts(5.0, 0);
        assertThat(counts.byStatus()).containsEntry("active", 4L).containsEntry("blocked", 1L);
        assertThat(counts.byCms()).isEqualTo(Map.of("woocommerce", 5L));
        assertThat(counts.total()).isEqualTo(5);
    }

    @Test
    void errorRatesAreSetFromCountsAndGoBackToZeroWithoutEvents() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        installations.write(
                List.of(write(a, true, "m-1", "", "1.0.0", 1000), write(b, true, "m-2", "", "1.0.0", 1000)));

        installations.setErrorRates(Map.of(a, new long[] {40, 1}, b, new long[] {10, 5}), (f, e) -> f * 100.0 / e);
        assertThat(installations.find(a).orElseThrow().errorRate()).isEqualTo(2.5);
        assertThat(installations.find(b).orElseThrow().errors24h()).isEqualTo(5);

        installations.setErrorRates(Map.of(a, new long[] {4, 0}), (f, e) -> f * 100.0 / e);
        assertThat(installations.find(b).orElseThrow().errorRate()).isZero();
        assertThat(installations.find(b).orElseThrow().events24h()).isZero();
        assertThat(installations.counts(5.0, 0).highErrorRate()).isZero();
    }
}
