package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsolePage;
import org.sitekeeper.console.ConsoleSupport;
import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionService;

/**
 * {@code /system/console/connections}: seed 001's WordPress connections, each bot token with "✅ Connected" or
 * "⚪ Not Connected", its site, plugin version and "Last sync: 3 minutes ago"; one connection ({@code ?id=<id>})
 * as seed 001's integration card. Ops and admins may revoke a token; tokens are issued by the shell or REST, since
 * a token is shown only once and must not travel through a redirect.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=" + ConnectionsPage.LABEL,
            "felix.webconsole.title=Connections",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class ConnectionsPage extends ConsolePage {

    static final String LABEL = "connections";
    private static final long serialVersionUID = 1L;

    private final transient ConnectionService connections;

    @Activate
    public ConnectionsPage(@Reference ConsoleSupport support, @Reference ConnectionService connections) {
        super(support);
        this.connections = connections;
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        try {
            String id = TelemetryText.blankToNull(request.getParameter("id"));
            if (id != null) {
                Optional<ConnectionDto> found = connections.connection(id);
                if (found.isEmpty()) {
                    out.println("<div class=\"sk-notice sk-bad\">No connection " + Html.esc(id) + ".</div>");
                    out.println("<p><a href=\"" + LABEL + "\">All connections</a></p>");
                    return;
                }
                out.println("<p><a href=\"" + LABEL + "\">← All connections</a></p>");
                card(found.get(), out);
                if (user.canOperate() && found.get().revokedAt() == null) {
                    out.println(revokeForm(support.csrfField(request), found.get(), true));
                }
                return;
            }
            list(connections.connections(), user.canOperate() ? support.csrfField(request) : null, out);
        } catch (SitekeeperException e) {
            out.println("<div class=\"sk-notice sk-bad\">" + Html.esc(e.getMessage()) + "</div>");
        }
    }

    /**
     * Counts by status and the table of connections.
     *
     * @param csrf the CSRF field for ops and admins (a Revoke button per live token), or {@code null} for viewers
     */
    static void list(List<ConnectionDto> all, String csrf, PrintWriter out) {
        out.println("<h2>WordPress connections</h2>");
        out.println("<div class=\"sk-cards\" id=\"sk-connection-counts\">");
        for (String status : TelemetryHtml.CONNECTION_STATUSES) {
            long n = all.stream().filter(c -> status.equals(c.status())).count();
            out.println("<div class=\"sk-card\" data-status=\"" + status + "\"><h3>"
                    + TelemetryHtml.connectionStatus(status) + "</h3><div class=\"sk-big\">" + n + "</div></div>");
        }
        out.println("</div>");
        if (all.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-connections\">No connections yet. Issue a bot token with"
                    + " <code>telemetry:connection-token &lt;name&gt;</code> or <code>POST"
                    + " /api/v1/connections/tokens</code>, then enter it in the WordPress plugin.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-connections\"><tr><th>Name</th><th>WordPress</th>"
                + "<th>Site</th><th>Plugin</th><th>WordPress version</th><th>Last sync</th><th>Heartbeats</th>"
                + "<th>Token</th>" + (csrf == null ? "" : "<th></th>") + "</tr>");
        for (ConnectionDto c : all) {
            out.println("<tr data-connection-id=\"" + Html.esc(c.id()) + "\" data-status=\"" + Html.esc(c.status())
                    + "\"><td><a href=\"" + Html.esc(LABEL + "?id=" + Html.encode(c.id())) + "\">"
                    + Html.esc(c.name()) + "</a></td><td>" + TelemetryHtml.wordpress(c)
                    + (c.wordpressConnected() ? "" : " " + TelemetryHtml.connectionStatus(c.status())) + "</td><td>"
                    + TelemetryHtml.siteLink(c.siteUrl())
                    + "</td><td>" + Html.esc(TelemetryText.dash(c.pluginVersion())) + "</td><td>"
                    + Html.esc(TelemetryText.dash(c.wpVersion()))
                    + "</td><td class=\"sk-last-sync\">"
                    + Html.esc(TelemetryText.lastSync(c)) + "</td><td>" + c.heartbeats()
                    + "</td><td><code>" + Html.esc(c.tokenPrefix()) + "</code></td>"
                    + (csrf == null ? "" : "<td>" + (c.revokedAt() == null ? revokeForm(csrf, c, false) : "") + "</td>")
                    + "</tr>");
        }
        out.println("</table>");
    }

    /** Seed 001's "WordPress Integration" section for one connection. */
    static void card(ConnectionDto c, PrintWriter out) {
        out.println("<h2 id=\"sk-connection-title\">" + Html.esc(c.name()) + " "
                + TelemetryHtml.connectionStatus(c.status()) + "</h2>");
        out.println("<div class=\"sk-card\" id=\"sk-wordpress\"><h3>WordPress Integration</h3>");
        out.println("<div class=\"sk-big\">" + TelemetryHtml.wordpress(c) + "</div>");
        if (c.siteUrl() != null || c.lastActivity() != null) {
            out.println("<div>Site: " + TelemetryHtml.siteLink(c.siteUrl()) + "</div>");
            out.println("<div>Version: " + Html.esc(TelemetryText.dash(c.pluginVersion())) + "</div>");
            out.println("<div class=\"sk-last-sync\">" + Html.esc(TelemetryText.lastSync(c)) + "</div>");
        }
        if (!c.wordpressConnected()) {
            out.println("<p class=\"sk-dim\">" + Html.esc(hint(c)) + "</p>");
        }
        out.println("</div>");
        out.println("<table class=\"sk-table\" id=\"sk-connection\">");
        TelemetryHtml.detail(out, "Id", Html.esc(c.id()));
        TelemetryHtml.detail(out, "Token", "<code>" + Html.esc(c.tokenPrefix()) + "</code>");
        TelemetryHtml.detail(out, "WordPress version", Html.esc(TelemetryText.dash(c.wpVersion())));
        TelemetryHtml.detail(
                out,
                "Plugin active",
                c.isActive() == null ? "-" : c.isActive() ? "yes" : Html.badge("deactivated", "warn"));
        TelemetryHtml.detail(out, "Last heartbeat", Html.esc(Format.instant(c.lastActivity())));
        TelemetryHtml.detail(out, "Heartbeats", Long.toString(c.heartbeats()));
        TelemetryHtml.detail(
                out, "Created", Html.esc(Format.instant(c.createdAt()) + " by " + TelemetryText.dash(c.createdBy())));
        if (c.revokedAt() != null) {
            TelemetryHtml.detail(out, "Revoked", Html.esc(Format.instant(c.revokedAt())));
        }
        out.println("</table>");
    }

    /** Why a connection is not connected, in the words of seed 001's "helpful message". */
    static String hint(ConnectionDto c) {
        return switch (c.status() == null ? "" : c.status()) {
            case "revoked" -> "This token is revoked: the site's heartbeats are refused. Issue a new token.";
            case "stale" -> "No heartbeat lately: the plugin may be deactivated, or WordPress cron is not running.";
            default -> "Enter the bot token in the WordPress plugin's settings; it reports every 5 minutes.";
        };
    }

    private static String revokeForm(String csrf, ConnectionDto c, boolean returnHere) {
        return "<form class=\"sk-inline\" method=\"post\"" + (returnHere ? " id=\"sk-revoke\"" : "") + ">" + csrf
                + "<input type=\"hidden\" name=\"connection\" value=\"" + Html.esc(c.id()) + "\">"
                + (returnHere ? "<input type=\"hidden\" name=\"id\" value=\"" + Html.esc(c.id()) + "\">" : "")
                + "<button type=\"submit\" name=\"action\" value=\"revoke\" class=\"sk-danger\">Revoke token</button>"
                + "</form>";
    }

    @Override
    protected String act(HttpServletRequest request, ConsoleUser user) {
        Validate.oneOf("action", request.getParameter("action"), List.of("revoke"));
        String id = TelemetryText.blankToNull(request.getParameter("connection"));
        if (id == null) {
            throw new InvalidInputException("connection", "connection is missing");
        }
        ConnectionDto c = connections.connection(id).orElseThrow(() -> NotFoundException.of("connection", id));
        connections.revokeToken(id, user.actor());
        return request.getParameter("id") == null
                ? done("Revoked the token of " + c.name())
                : done("Revoked the token of " + c.name(), Map.of("id", id));
    }
}
