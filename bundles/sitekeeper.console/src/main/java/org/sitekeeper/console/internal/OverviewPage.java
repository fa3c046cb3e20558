package org.sitekeeper.console.internal;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.console.ConsolePage;
import org.sitekeeper.console.ConsoleSupport;
import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.console.OverviewCard;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.core.api.health.HubHealth;
import org.sitekeeper.core.api.health.HubHealthReport;

/** {@code /system/console/sitekeeper}: hub status, installed capabilities and each capability's card. */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=sitekeeper",
            "felix.webconsole.title=Overview",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class OverviewPage extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OverviewPage.class);

    private final transient HubHealth health;
    private final transient List<OverviewCard> cards = new CopyOnWriteArrayList<>();

    @Activate
    public OverviewPage(@Reference ConsoleSupport support, @Reference HubHealth health) {
        super(support);
        this.health = health;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCard(OverviewCard card) {
        cards.add(card);
    }

    void unbindCard(OverviewCard card) {
        cards.remove(card);
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        HubHealthReport report = health.report();
        out.println("<h2>Sitekeeper</h2>");
        out.println("<div class=\"sk-cards\">");
        out.println("<div class=\"sk-card\" id=\"sk-hub\"><h3>Hub</h3>");
        out.println("<div class=\"sk-big\">" + Html.badge(report.status().name(), kind(report.status())) + "</div>");
        out.println("<table class=\"sk-table\">");
        row(out, report.database());
        row(out, report.scheduler());
        out.println("</table>");
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        out.println("<p class=\"sk-dim\">Up " + Html.esc(Format.duration(uptime)) + " · checked "
                + Html.esc(Format.instant(report.checkedAt())) + " · signed in as " + Html.esc(user.name()) + " ("
                + Html.esc(user.role().wireName()) + ")</p>");
        out.println("</div>");
        for (OverviewCard card : cards.stream()
                .sorted(Comparator.comparingInt(OverviewCard::order))
                .toList()) {
            out.println("<div class=\"sk-card\"><h3>" + Html.esc(card.title()) + "</h3>");
            try {
                card.render(user, out);
            } catch (RuntimeException e) {
                LOG.warn("Overview card {} failed", card.title(), e);
                out.println("<p>" + Html.badge("unavailable", "bad") + "</p>");
            }
            out.println("</div>");
        }
        out.println("</div>");
        capabilities(report, out);
    }

    private void capabilities(HubHealthReport report, PrintWriter out) {
        out.println("<h2>Installed capabilities</h2>");
        List<Capability> installed = health.capabilities();
        if (installed.isEmpty()) {
            out.println("<p class=\"sk-dim\">No capability is installed. Ops install one with "
                    + "<code>feature:install sitekeeper-sites</code>.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-capabilities\"><tr><th>Capability</th><th>Feature</th>"
                + "<th>Status</th><th>Detail</th></tr>");
        for (Capability capability : installed) {
            ComponentHealth state = report.capabilities().stream()
                    .filter(c -> c.name().equals(capability.name()))
                    .findFirst()
                    .orElse(new ComponentHealth(capability.name(), HealthStatus.DOWN, "no report"));
            out.println("<tr><td>" + Html.esc(capability.title()) + "</td><td><code>sitekeeper-"
                    + Html.esc(capability.name()) + "</code></td><td>"
                    + Html.badge(state.status().name(), kind(state.status())) + "</td><td>"
                    + Html.esc(state.detail()) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static void row(PrintWriter out, ComponentHealth part) {
        out.println("<tr><td>" + Html.esc(part.name()) + "</td><td>"
                + Html.badge(part.status().name(), kind(part.status())) + "</td><td>" + Html.esc(part.detail())
                + "</td></tr>");
    }

    /**
     * Serves this bundle's console files (logo, favicon) under {@code /system/console/sitekeeper/res/}; the Felix
     * console calls this by name.
     */
    public java.net.URL getResource(String path) {
        String prefix = "/sitekeeper/res/";
        if (path == null || !path.startsWith(prefix) || path.contains("..")) {
            return null;
        }
        return OverviewPage.class.getResource("/console/" + path.substring(prefix.length()));
    }

    static String kind(HealthStatus status) {
        return switch (status) {
            case UP -> "ok";
            case DEGRADED -> "warn";
            case DOWN -> "bad";
        };
    }
}
