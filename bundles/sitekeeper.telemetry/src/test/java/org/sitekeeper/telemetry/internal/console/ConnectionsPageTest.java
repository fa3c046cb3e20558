package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.core.api.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.CSRF;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.EVIL;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.NOW;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.connection;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.get;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.post;

class ConnectionsPageTest {

    private static final String URI = "/system/console/connections";

    private final ConsoleFakes.FakeConnections connections = new ConsoleFakes.FakeConnections();
    private final ConsoleFakes.FakeSupport support = new ConsoleFakes.FakeSupport();
    private final ConnectionsPage page = new ConnectionsPage(support, connections);

    @BeforeEach
    void connections() {
        connections.connections.add(connection("c1", "AgentDesk on example.com", "connected", NOW.minusSeconds(180)));
        connections.connections.add(connection("c2", EVIL, "never", null));
        connections.connections.add(connection("c3", "Old blog", "stale", NOW.minusSeconds(7200)));
        connections.connections.add(connection("c4", "Gone", "revoked", NOW.minusSeconds(86_400 * 3)));
    }

    private static String row(String html, String id) {
        int start = html.indexOf("<tr data-connection-id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void seedOnesBadgesSiteVersionAndLastSync() throws Exception {
        String html = get(page, URI, Map.of()).body();

        String c1 = row(html, "c1");
        assertThat(c1).contains("<span class=\"sk-badge sk-ok\" data-connected=\"true\">✅ Connected</span>");
        assertThat(c1)
                .contains("<a href=\"https://blog.example.com\" rel=\"noopener noreferrer\" target=\"_blank\">"
                        + "https://blog.example.com</a>");
        assertThat(c1).contains("<td>1.1.0</td><td>6.3.1</td>");
        assertThat(c1).contains("<td class=\"sk-last-sync\">Last sync: 3 minutes ago</td>");
        String c2 = row(html, "c2");
        assertThat(c2).contains("<span class=\"sk-badge sk-muted\" data-connected=\"false\">⚪ Not Connected</span>");
        assertThat(c2)
                .contains("<span class=\"sk-badge sk-muted\">never</span>")
                .contains("Never synced");
        assertThat(row(html, "c3"))
                .contains("⚪ Not Connected")
                .contains("<span class=\"sk-badge sk-warn\">stale" + "</span>")
                .contains("Last sync: 2 hours ago");
        assertThat(row(html, "c4"))
                .contains("<span class=\"sk-badge sk-bad\">revoked</span>")
                .contains("Last sync: 3 days ago");
    }

    @Test
    void countsByStatus() throws Exception {
        String html = get(page, URI, Map.of()).body();

        // the fakes hold one connection in each status
        for (String status : List.of("connected", "stale", "never", "revoked")) {
            assertThat(html)
                    .as(status)
                    .containsPattern("data-status=\"" + status + "\"><h3><span class=\"sk-badge [a-z-]+\">" + status
                            + "</span></h3><div class=\"sk-big\">1</div>");
        }
    }

    @Test
    void namesAreEscaped() throws Exception {
        String html = get(page, URI, Map.of()).body();

        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContainPattern(" on[a-z]+=\"");
    }

    @Test
    void aSiteUrlThatIsNotHttpIsNotALink() {
        assertThat(TelemetryHtml.siteLink("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
        assertThat(TelemetryHtml.siteLink("https://a.example/?q=\"><x>"))
                .isEqualTo("<a href=\"https://a.example/?q=&quot;&gt;&lt;x&gt;\" rel=\"noopener noreferrer\""
                        + " target=\"_blank\">https://a.example/?q=&quot;&gt;&lt;x&gt;</a>");
        assertThat(TelemetryHtml.siteLink(null)).isEqualTo("<span class=\"sk-dim\">-</span>");
    }

    @Test
    void opsMayRevokeLiveTokensViewersSeeNoButton() throws Exception {
        String ops = get(page, URI, Map.of()).body();

        assertThat(row(ops, "c1"))
                .contains("value=\"revoke\" class=\"sk-danger\">Revoke token</button>")
                .contains(CSRF);
        assertThat(row(ops, "c4")).doesNotContain("Revoke token");

        support.user = new ConsoleUser("vic", Role.VIEWER, null);
        String viewer = get(page, URI, Map.of()).body();

        assertThat(viewer)
                .doesNotContain("Revoke token")
                .doesNotContain("method=\"post\"")
                .doesNotContain(CSRF);
    }

    @Test
    void revokeByOpsAndRefusedForViewers() throws Exception {
        String done = post(page, URI, Map.of("csrf", CSRF, "action", "revoke", "connection", "c1"))
                .redirect();

        assertThat(connections.revoked).containsExactly("c1 by olivia via console");
        assertThat(URLDecoder.decode(done, StandardCharsets.UTF_8))
                .isEqualTo(URI + "?msg=Revoked the token of AgentDesk on example.com");

        support.user = new ConsoleUser("vic", Role.VIEWER, null);
        String refused = post(page, URI, Map.of("csrf", CSRF, "action", "revoke", "connection", "c3"))
                .redirect();

        assertThat(connections.revoked).hasSize(1);
        assertThat(URLDecoder.decode(refused, StandardCharsets.UTF_8)).contains("error=this needs the ops role");
    }

    @Test
    void oneConnectionIsSeedOnesIntegrationCard() throws Exception {
        String html = get(page, URI, Map.of("id", "c1")).body();

        assertThat(html).contains("<h3>WordPress Integration</h3>").contains("✅ Connected");
        assertThat(html)
                .contains("<div>Site: <a href=\"https://blog.example.com\"")
                .contains("<div>Version: 1.1.0</div>");
        assertThat(html).contains("<div class=\"sk-last-sync\">Last sync: 3 minutes ago</div>");
        assertThat(html).contains("id=\"sk-revoke\"").contains("<input type=\"hidden\" name=\"id\" value=\"c1\">");

        String never = get(page, URI, Map.of("id", "c2")).body();

        assertThat(never)
                .contains("⚪ Not Connected")
                .contains("Enter the bot token")
                .doesNotContain("<div>Site:");
        assertThat(get(page, URI, Map.of("id", "zz")).body()).contains("No connection zz.");
    }

    @Test
    void noConnectionsTellsHowToMakeOne() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ConnectionsPage.list(List.of(), null, out);
        }

        assertThat(text.toString()).contains("No connections yet").contains("telemetry:connection-token &lt;name&gt;");
    }
}
