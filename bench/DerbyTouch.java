import java.sql.*;
import java.util.*;
import java.lang.management.*;

/**
 * What embedded Derby alone costs for a heartbeat's write, to compare with the hub's writer threads: a table shaped
 * like {@code telemetry_installation} with 100,000 rows, then the heartbeat's five-column update of random rows in
 * batches of BATCH, one commit (synced) per batch, on one thread. Prints CPU and wall time per row, four rounds of
 * 60,000 rows (the first warms up). The database goes to DIR (deleted first).
 *
 * <p>Usage: {@code java -cp derby-10.14.2.0.jar bench/DerbyTouch.java BATCH DIR}, e.g. {@code 32 /tmp/derby-touch}
 */
public final class DerbyTouch {
    public static void main(String[] a) throws Exception {
        System.setProperty("derby.storage.pageCacheSize", "4000");
        if (a.length != 2) {
            System.err.println("usage: DerbyTouch BATCH DIR");
            System.exit(2);
        }
        java.nio.file.Path dir = java.nio.file.Path.of(a[1]);
        if (java.nio.file.Files.exists(dir)) {
            try (var walk = java.nio.file.Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.setProperty("derby.stream.error.file", System.getProperty("java.io.tmpdir") + "/derby-touch.log");
        String url = "jdbc:derby:" + dir + ";create=true";
        Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        try { s.execute("DROP TABLE t"); } catch (SQLException e) {}
        s.execute("CREATE TABLE t (id VARCHAR(36) NOT NULL PRIMARY KEY, merchant_id VARCHAR(64) NOT NULL, cms VARCHAR(40) NOT NULL, site_key VARCHAR(64) NOT NULL, site_url VARCHAR(500), plugin_version VARCHAR(64), server_info VARCHAR(4000), errors_last_hour DOUBLE PRECISION, status VARCHAR(16) NOT NULL, heartbeat_count BIGINT NOT NULL, last_heartbeat BIGINT, updated_at BIGINT NOT NULL, CONSTRAINT uq UNIQUE (merchant_id, cms, site_key))");
        s.execute("CREATE INDEX st ON t (status)");
        c.setAutoCommit(false);
        int n = 100_000;
        String[] ids = new String[n];
        PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID().toString();
            ins.setString(1, ids[i]); ins.setString(2, "m" + (i % 100)); ins.setString(3, "woocommerce"); ins.setString(4, "shop-" + i + ".example");
            ins.setString(5, "https://shop-" + i + ".example/"); ins.setString(6, "1.3.5"); ins.setString(7, "{\"server_software\":\"nginx/1.24\",\"os\":\"Linux\",\"memory_limit\":\"256M\",\"max_execution_time\":30}");
            ins.setDouble(8, 0.5); ins.setString(9, "active"); ins.setLong(10, 1); ins.setLong(11, 1); ins.setLong(12, 1);
            ins.addBatch();
            if (i % 1000 == 999) { ins.executeBatch(); c.commit(); }
        }
        PreparedStatement up = c.prepareStatement("UPDATE t SET errors_last_hour = ?, status = ?, heartbeat_count = heartbeat_count + ?, last_heartbeat = ?, updated_at = ? WHERE id = ?");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Random r = new Random(1);
        for (int round = 0; round < 4; round++) {
            int batch = Integer.parseInt(a[0]);
            int rows = 60_000;
            long cpu0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int done = 0; done < rows; done += batch) {
                for (int j = 0; j < batch; j++) {
                    up.setDouble(1, 0.5); up.setString(2, "active"); up.setLong(3, 1); up.setLong(4, done); up.setLong(5, done); up.setString(6, ids[r.nextInt(n)]);
                    up.addBatch();
                }
                up.executeBatch();
                c.commit();
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0, wall = System.nanoTime() - t0;
            System.out.printf("batch %d: %.1f us cpu/row, %.1f us wall/row, %.0f rows/s%n", batch, cpu / 1000.0 / rows, wall / 1000.0 / rows, rows * 1e9 / wall);
        }
        c.close();
    }
}
