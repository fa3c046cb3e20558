package org.sitekeeper.uptime.internal.store;

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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.sitekeeper.core.internal.persistence.FlywaySchemaMigrator;
import org.sitekeeper.uptime.internal.service.UptimeStores;

/**
 * A real Derby database on disk under {@code target/derby}, with the uptime schema migrated by the hub's Flyway
 * migrator through {@link UptimeStores}, as in production. One per test class; {@link #clear()} empties every table
 * between tests.
 */
public final class UptimeDatabase implements AutoCloseable {

    private static final List<String> TABLES =
            List.of("uptime_result", "uptime_incident", "uptime_rollup", "uptime_mark", "uptime_monitor");

    static {
        // Derby writes derby.log into the working directory unless told otherwise (surefire sets this too)
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty(
                    "derby.stream.error.file",
                    Path.of(System.getProperty("sitekeeper.test.dir", "target"), "derby.log")
                            .toAbsolutePath()
                            .toString());
        }
    }

    private final Path directory;
    private final String path;
    private final EmbeddedDataSource dataSource;
    private final UptimeStores stores;

    private UptimeDatabase(String name) throws SQLException {
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
        FlywaySchemaMigrator migrator = new FlywaySchemaMigrator(dataSource);
        this.stores = new UptimeStores(dataSource, migrator, UptimeStores.class.getClassLoader());
    }

    /** A fresh database with the schema migrated. */
    public static UptimeDatabase open(Class<?> testClass) throws SQLException {
        return new UptimeDatabase(testClass.getSimpleName());
    }

    public UptimeStores stores() {
        return stores;
    }

    public MonitorStore monitors() {
        return stores.monitors();
    }

    public HistoryStore history() {
        return stores.history();
    }

    /** Deletes every row of every uptime table. */
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

    /** Rows of a plain SQL query, each column by its lower-case name. */
    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(r.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), r.getObject(i));
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

    /** Runs one plain SQL statement with rows of parameters, in one transaction. */
    public void batch(String sql, List<Object[]> rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int n = 0;
                for (Object[] row : rows) {
                    bind(s, row);
                    s.addBatch();
                    if (++n % 1000 == 0) {
                        s.executeBatch();
                    }
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
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Binds parameters; a {@code null} as a typed SQL null of the parameter's own type. */
    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, s.getParameterMetaData().getParameterType(i + 1));
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }

    @Override
    public void close() {
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
     * and closed after the class: {@code @RegisterExtension static final UptimeDatabase.PerClass DATABASE}.
     */
    public static final class PerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
        private UptimeDatabase db;
        private Class<?> owner;

        public UptimeDatabase get() {
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
