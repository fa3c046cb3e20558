package org.sitekeeper.itests;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.Notifications;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Receiver;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The PostgreSQL profile: a hub whose datasource points at a fresh database on 127.0.0.1:5432 (trust auth, as on
 * every machine of the project) with the clustered Quartz store. Runs last and stops the shared Derby hub first to
 * spare the machine.
 */
@Order(10)
@ExtendWith(PrintHubLogOnFailure.class)
class PostgresIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "sitekeeper_it_" + Sites.unique();

    private static Hub hub;
    private static Api admin;

    @BeforeAll
    static void startHubOnAFreshDatabase() throws SQLException {
        DerbyHub.stop();
        try (Connection server = connect("postgres");
                Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE);
        }
        hub = onTheDatabase(Notifications.prepare(Hub.create("postgres")));
        hub.start();
        admin = hub.admin();
    }

    @AfterAll
    static void stopHubAndDropTheDatabase() throws SQLException {
        if (hub != null) {
            hub.stop();
        }
        try (Connection server = connect("postgres")) {
            try (PreparedStatement terminate = server.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                terminate.setString(1, DATABASE);
                terminate.execute();
            }
            try (Statement sql = server.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    @Test
    void reportsPostgresqlAsItsDatabase() {
        JsonNode info = assertStatus(admin.get("/api/v1/system/info"), 200);

        assertThat(info.path("database").asText()).isEqualTo("postgresql");
    }

    @Test
    void createsTheCoreAndSitesSchemasInTheDatabase() throws SQLException {
        List<String> tables =
                query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", List.of());

        assertThat(tables).contains("sites_site", "core_user", "core_schema_history", "sites_schema_history");
    }

    @Test
    void keepsTheRetentionJobInTheClusteredQuartzStore() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(query(
                        "SELECT trigger_name FROM core_qrtz_triggers WHERE trigger_name = ?",
                        List.of("core.retention")))
                .containsExactly("core.retention"));
    }

    @Test
    void createsReadsChangesAndRemovesSitesStoredInPostgresql() throws SQLException {
        String group = "pg-" + Sites.unique();
        JsonNode site = Sites.create(
                admin,
                Map.of("url", "https://PG-" + group + ".Example.org:443/", "group", group, "tags", List.of("B", "a")));
        long id = site.path("id").asLong();
        assertThat(site.path("url").asText()).isEqualTo("https://pg-" + group + ".example.org");
        assertThat(site.path("tags")).extracting(JsonNode::asText).containsExactly("a", "b");
        assertThat(query("SELECT url FROM sites_site WHERE id = ?", List.of(id)))
                .containsExactly("https://pg-" + group + ".example.org");

        assertThat(Sites.ids(assertStatus(admin.get(Sites.PATH + "?group=" + group + "&tag=a"), 200)))
                .containsExactly(id);
        assertError(admin.post(Sites.PATH, Map.of("url", site.path("url").asText())), 409, "conflict", "url");
        JsonNode changed = assertStatus(admin.patch(Sites.path(id), Map.of("status", "active", "notes", "x")), 200);
        assertThat(changed.path("status").asText()).isEqualTo("active");
        assertThat(changed.path("group").asText()).isEqualTo(group);
        assertThat(assertStatus(admin.delete(Sites.path(id)), 200)
                        .path("status")
                        .asText())
                .isEqualTo("disconnected");
        assertThat(admin.delete(Sites.path(id) + "?purge=true").status()).isEqualTo(204);
        assertError(admin.get(Sites.path(id)), 404, "not_found", null);
        assertThat(query("SELECT url FROM sites_site WHERE id = ?", List.of(id)))
                .isEmpty();
    }

    @Test
    void sitesAccountsAndTheJobSurviveARestart() throws SQLException {
        JsonNode site = Sites.create(admin, "https://pg-restart-" + Sites.unique() + ".example.org");
        String username = Users.create(admin, "pgrestart", "viewer");

        hub.restart();

        assertThat(assertStatus(admin.get(Sites.path(site.path("id").asLong())), 200))
                .isEqualTo(site);
        assertStatus(hub.api().as(username, Users.PASSWORD).get(Sites.PATH), 200);
        assertThat(query(
                        "SELECT trigger_name FROM core_qrtz_triggers WHERE trigger_name = ?",
                        List.of("core.retention")))
                .as("the job is stored once, not once per start")
                .hasSize(1);
    }

    @Test
    void twoNodesOnOneDatabaseSendEveryAlertOnceBetweenThem() throws Exception {
        String u = Sites.unique();
        String event = "DUO" + u.toUpperCase();
        int alerts = 40;
        try (Receiver receiver = Receiver.start()) {
            String secret = Notifications.webhookSecret();
            JsonNode channel = Notifications.channel(
                    admin, "webhook", "two nodes " + u, Map.of("url", receiver.url("/duo"), "secret", secret));
            Notifications.rule(
                    admin, "sitekeeper/external/" + event, channel.path("id").asLong(), List.of(), Map.of());

            // a second node on the same database, with the same master key so that it can open the channel's secret
            Hub second = onTheDatabase(Notifications.prepare(Hub.create("postgres-b")));
            Files.copy(
                    hub.home().resolve("etc/sitekeeper-master.key"),
                    second.home().resolve("etc/sitekeeper-master.key"),
                    StandardCopyOption.REPLACE_EXISTING);
            try (second) {
                second.start();
                Api secondAdmin = second.admin();
                for (int i = 0; i < alerts; i++) {
                    Notifications.raise(
                            i % 2 == 0 ? admin : secondAdmin, event, "duo:" + u + ":" + i, "critical", "Alert " + i);
                }

                await().atMost(Duration.ofSeconds(60))
                        .until(() -> receiver.requests().size() >= alerts);
                Thread.sleep(3000); // a node sending a delivery the other already sent would show up by now
                List<Receiver.Request> received = receiver.requests();
                assertThat(received).hasSize(alerts);
                assertThat(received).allSatisfy(r -> assertThat(Notifications.signatureValid(r, secret))
                        .isTrue());
                assertThat(received.stream().map(r -> r.header("webhook-id")).distinct())
                        .hasSize(alerts);
                assertThat(received.stream()
                                .map(r -> r.json()
                                        .path("data")
                                        .path("alerts")
                                        .get(0)
                                        .path("alert_key")
                                        .asText())
                                .distinct())
                        .hasSize(alerts);
                // both nodes sent (each is woken by the alerts it writes itself), and between them each alert once
                long firstSent = assertStatus(admin.get(Notifications.PATH + "/stats"), 200)
                        .path("sending")
                        .path("delivered")
                        .asLong();
                long secondSent = assertStatus(secondAdmin.get(Notifications.PATH + "/stats"), 200)
                        .path("sending")
                        .path("delivered")
                        .asLong();
                assertThat(firstSent).isPositive();
                assertThat(secondSent).isPositive();
                assertThat(firstSent + secondSent).isEqualTo(alerts);
                assertThat(query(
                                "SELECT COUNT(*) FROM notifications_attempt a JOIN notifications_delivery d"
                                        + " ON d.id = a.delivery_id WHERE d.channel_id = ? AND a.outcome = 'delivered'",
                                List.of(channel.path("id").asLong())))
                        .containsExactly(Integer.toString(alerts));
            }
        }
    }

    /** Points {@code node}'s datasource at the test database and clusters its scheduler. */
    private static Hub onTheDatabase(Hub node) {
        String pool = node.config("org.ops4j.datasource-sitekeeper.cfg")
                .lines()
                .filter(line -> line.strip().startsWith("pool."))
                .collect(Collectors.joining("\n"));
        node.writeConfig(
                "org.ops4j.datasource-sitekeeper.cfg",
                String.join(
                        "\n",
                        "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                        "url = " + SERVER + DATABASE,
                        "user = postgres",
                        "dataSourceName = sitekeeper",
                        "pool = dbcp2",
                        "xa = false",
                        pool,
                        ""));
        return node.setConfig("org.sitekeeper.scheduler.cfg", "clustered", "true");
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }

    /** The first column of every row. */
    private static List<String> query(String sql, List<Object> parameters) throws SQLException {
        try (Connection connection = connect(DATABASE);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
