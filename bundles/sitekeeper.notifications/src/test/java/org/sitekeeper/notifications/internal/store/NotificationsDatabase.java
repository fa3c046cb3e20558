package org.sitekeeper.notifications.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.sitekeeper.core.internal.persistence.FlywaySchemaMigrator;

/**
 * A real Derby database on disk under {@code target/derby}, with the notifications schema migrated by the hub's
 * Flyway migrator (so {@code ${long_text}} becomes CLOB, as in production) and the bundle's persistence unit over
 * it. One per test class; {@link #clear()} empties every table between tests.
 */
public final class NotificationsDatabase implements AutoCloseable {

    public static final String MODULE = "notifications";

    private static final List<String> TABLES = List.of(
            "notifications_attempt",
            "notifications_delivery",
            "notifications_route_state",
            "notifications_alert",
            "notifications_inbox",
            "notifications_silence",
            "notifications_rule",
            "notifications_channel");

    private final Path directory;
    private final String path;
    private final EmbeddedDataSource dataSource;
    private final FlywaySchemaMigrator migrator;
    private final EntityManagerFactory emf;

    private NotificationsDatabase(String name, boolean migrate) throws SQLException {
        this.directory = Path.of(
                        System.getProperty("sitekeeper.test.dir", "target"),
                        "derby",
                        name + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        this.path = directory.resolve("db").toString();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(path);
        dataSource.setCreateDatabase("create");
        this.migrator = new FlywaySchemaMigrator(dataSource);
        if (migrate) {
            migrator.migrate(MODULE, NotificationsDatabase.class.getClassLoader());
        }
        this.emf = Persistence.createEntityManagerFactory(
                "sitekeeper.notifications",
                Map.of("javax.persistence.nonJtaDataSource", dataSource, "eclipselink.logging.level", "WARNING"));
    }

    /** A fresh database with the schema migrated. */
    public static NotificationsDatabase open(Class<?> testClass) throws SQLException {
        return new NotificationsDatabase(testClass.getSimpleName(), true);
    }

    /** A fresh, empty database: the caller migrates it (through {@link #migrator()}). */
    public static NotificationsDatabase unmigrated(Class<?> testClass) throws SQLException {
        return new NotificationsDatabase(testClass.getSimpleName(), false);
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public FlywaySchemaMigrator migrator() {
        return migrator;
    }

    /** Deletes every row of every notifications table. */
    public void clear() {
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a plain SQL query, each column by its lower-case name, bypassing JPA. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = r.getObject(i);
                        if (value instanceof java.sql.Clob clob) {
                            value = clob.getSubString(1, (int) clob.length());
                        }
                        row.put(r.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single value of a plain SQL query. */
    public Object value(String sql, Object... params) {
        List<Map<String, Object>> rows = query(sql, params);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /** A count from plain SQL. */
    public long count(String sql, Object... params) {
        return ((Number) value(sql, params)).longValue();
    }

    /** Runs plain SQL statements (in one transaction, for bulk test data), each with its rows of parameters. */
    public void batch(String sql, List<Object[]> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, row[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one plain SQL update. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for mvn clean
        }
    }

    /**
     * One migrated database for a test class, opened before its {@code @BeforeAll} methods, emptied before each test
     * and closed after the class: {@code @RegisterExtension static final NotificationsDatabase.PerClass DATABASE}.
     */
    public static final class PerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
        private NotificationsDatabase db;
        private Class<?> owner;

        public NotificationsDatabase get() {
            return db;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws SQLException {
            if (db == null) { // @Nested classes share their outer class's database
                owner = context.getRequiredTestClass();
                db = open(owner);
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            db.clear();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getRequiredTestClass() == owner) {
                db.close();
                db = null;
            }
        }
    }
}
