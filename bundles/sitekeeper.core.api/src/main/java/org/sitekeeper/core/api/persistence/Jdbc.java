package org.sitekeeper.core.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.sitekeeper.core.api.error.UnavailableException;

/**
 * A capability's tables over the hub's one DataSource, with plain JDBC, for hot paths that claim and write hundreds
 * or thousands of rows a second in batches, which entities would only slow down. Units of work that lose a lock race
 * are run again ({@link Transactions#retryingLockRaces}); a busy database becomes a 503, any other failure a
 * {@link StoreException}.
 */
public class Jdbc {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean postgres;

    public Jdbc(DataSource dataSource, String vendor) {
        this.dataSource = dataSource;
        this.postgres = "postgresql".equalsIgnoreCase(vendor);
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. A transaction that
     * lost a lock race (see {@link Transactions#isTransient}) is run again, up to four runs in all, so
     * {@code work} must be safe to run twice (it only touches the connection).
     */
    public <T> T inTransaction(Work<T> work) {
        try {
            return Transactions.retryingLockRaces(() -> once(work));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /**
     * A lock timeout, deadlock or serialization failure is the database being busy, not a fault: the caller
     * (and a REST client, as 503) may try again. Anything else is a store failure.
     */
    public static RuntimeException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("40") || state.equals("55P03") || e instanceof java.sql.SQLTransientException) {
            return new UnavailableException("the database is busy (" + e.getMessage() + "); try again in a moment");
        }
        return new StoreException(e);
    }

    /** Reads without a transaction of its own (each statement sees committed data). */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        return read(c -> query(c, sql, row, params));
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Binds parameters; {@code null} as a typed null ({@link Null}) or an untyped VARCHAR null. */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                ps.setNull(index, Types.VARCHAR);
            } else if (p instanceof Null n) {
                ps.setNull(index, n.sqlType());
            } else if (p instanceof Long l) {
                ps.setLong(index, l);
            } else if (p instanceof Integer n) {
                ps.setInt(index, n);
            } else if (p instanceof Double d) {
                ps.setDouble(index, d);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(index, b);
            } else if (p instanceof String s) {
                ps.setString(index, s);
            } else {
                ps.setObject(index, p);
            }
        }
    }

    /** A typed SQL null. */
    public record Null(int sqlType) {
        public static final Null BIGINT = new Null(Types.BIGINT);
        public static final Null INTEGER = new Null(Types.INTEGER);
        public static final Null VARCHAR = new Null(Types.VARCHAR);
        public static final Null DOUBLE = new Null(Types.DOUBLE);
        public static final Null BOOLEAN = new Null(Types.BOOLEAN);
    }

    public static Object orNull(Long value) {
        return value == null ? Null.BIGINT : value;
    }

    public static Object orNull(Integer value) {
        return value == null ? Null.INTEGER : value;
    }

    public static Object orNull(Double value) {
        return value == null ? Null.DOUBLE : value;
    }

    public static Object orNull(Boolean value) {
        return value == null ? Null.BOOLEAN : value;
    }

    public static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** Runs {@code sql} once per row of {@code rows} as one JDBC batch; returns the update counts. */
    public static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A database failure, unchecked. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
