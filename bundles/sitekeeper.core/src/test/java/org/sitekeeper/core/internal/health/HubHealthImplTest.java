package org.sitekeeper.core.internal.health;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.core.api.health.HubHealthReport;
import org.sitekeeper.core.internal.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class HubHealthImplTest {

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final HubHealthImpl health = new HubHealthImpl(clock);

    /** A DataSource whose connections answer (or not) like a real database. */
    private static DataSource database(boolean reachable) {
        return (DataSource) Proxy.newProxyInstance(
                HubHealthImplTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new IllegalStateException("not faked: " + method.getName());
                    }
                    if (!reachable) {
                        throw new SQLException("Connection refused", "08001");
                    }
                    return connection();
                });
    }

    private static Connection connection() {
        DatabaseMetaData metadata = (DatabaseMetaData) Proxy.newProxyInstance(
                HubHealthImplTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> "Apache Derby");
        return (Connection) Proxy.newProxyInstance(
                HubHealthImplTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> true;
                    case "getMetaData" -> metadata;
                    case "close" -> null;
                    default -> throw new IllegalStateException("not faked: " + method.getName());
                });
    }

    private static Capability capability(String name, HealthStatus status) {
        return new Capability() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return name;
            }

            @Override
            public ComponentHealth health() {
                if (status == null) {
                    throw new IllegalStateException("broken");
                }
                return new ComponentHealth(name, status, status.name().toLowerCase());
            }
        };
    }

    @Test
    void anUnreachableDatabaseMakesTheHubDown() {
        health.bindDataSource(database(false));

        HubHealthReport report = health.report();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.database().detail()).contains("08001");
    }

    @Test
    void noDataSourceAtAllIsDownToo() {
        assertThat(health.report().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(health.report().database().detail()).contains("no data source");
    }

    @Test
    void aMissingSchedulerOrAnUnwellCapabilityDegradesTheHub() {
        health.bindDataSource(database(true));
        health.bindCapability(capability("sites", HealthStatus.UP));

        HubHealthReport report = health.report();

        assertThat(report.database().status()).isEqualTo(HealthStatus.UP);
        assertThat(report.database().detail()).isEqualTo("Apache Derby");
        assertThat(report.scheduler().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.capabilities()).extracting(ComponentHealth::name).containsExactly("sites");
    }

    @Test
    void aCapabilityWhoseCheckThrowsIsReportedDownWithoutBreakingTheReport() {
        health.bindDataSource(database(true));
        health.bindCapability(capability("uptime", null));

        assertThat(health.report().capabilities()).singleElement().satisfies(c -> assertThat(c.status())
                .isEqualTo(HealthStatus.DOWN));
    }

    @Test
    void reportsAreCachedForASecondAndRemovedCapabilitiesDisappear() {
        health.bindDataSource(database(true));
        Capability sites = capability("sites", HealthStatus.UP);
        health.bindCapability(sites);
        HubHealthReport first = health.report();

        assertThat(health.report()).isSameAs(first);
        health.unbindCapability(sites);
        assertThat(health.report().capabilities()).isEmpty();
        assertThat(health.capabilities()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(health.report()).isNotSameAs(first);
    }
}
