import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One query against an embedded Derby database, for bench/telemetry.sh's durability check after the hub was killed:
 * opening the database runs Derby's crash recovery, so what it reads is what was committed. Prints each row's
 * columns separated by tabs.
 *
 * <p>Usage: {@code java -cp derby.jar bench/DerbyQuery.java jdbc:derby:/path/to/db "SELECT ..."}
 */
public final class DerbyQuery {

    private DerbyQuery() {}

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: DerbyQuery JDBC_URL SQL");
            System.exit(2);
        }
        System.setProperty("derby.stream.error.file", System.getProperty("java.io.tmpdir") + "/derby-query.log");
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(args[1])) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        line.append('\t');
                    }
                    line.append(rows.getString(i));
                }
                System.out.println(line);
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with an exception
        }
    }
}
