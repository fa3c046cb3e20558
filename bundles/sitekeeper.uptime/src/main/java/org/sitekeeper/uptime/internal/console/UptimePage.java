package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeOverview;
import org.sitekeeper.uptime.internal.rest.MonitorsResource;
import org.sitekeeper.uptime.internal.service.UptimeServiceImpl;
import org.sitekeeper.uptime.internal.view.UptimeText;

/**
 * {@code /system/console/sitekeeper-uptime}: counts by state and open incidents, the monitor list (filtered and
 * paged in the database, so it stays fast with tens of thousands of monitors), one monitor ({@code ?monitor=<id>})
 * with its history, and one site ({@code ?site=<id>}). Ops and admins may check a monitor now.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=" + UptimePage.LABEL,
            "felix.webconsole.title=Uptime",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class UptimePage extends ConsolePage {

    static final String LABEL = "sitekeeper-uptime";
    private static final long serialVersionUID = 1L;
    private static final int RECENT_RESULTS = 20;
    private static final int RESPONSE_POINTS = 100;
    private static final int INCIDENTS_SHOWN = 10;

    private final transient UptimeServiceImpl uptime;

    @Activate
    public UptimePage(@Reference ConsoleSupport support, @Reference UptimeServiceImpl uptime) {
        super(support);
        this.uptime = uptime;
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        try {
            String monitor = request.getParameter("monitor");
            String site = request.getParameter("site");
            if (monitor != null && !monitor.isBlank()) {
                monitor(request, user, out, monitor);
            } else if (site != null && !site.isBlank()) {
                site(out, site);
            } else {
                overview(out);
                list(request, out);
            }
        } catch (SitekeeperException e) {
            out.println("<div class=\"sk-notice sk-bad\">" + Html.esc(e.getMessage()) + "</div>");
            out.println("<p><a href=\"" + LABEL + "\">All monitors</a></p>");
        }
    }

    private void overview(PrintWriter out) {
        UptimeOverview overview = uptime.overview();
        out.println("<h2>Uptime</h2>");
        if (overview.degraded()) {
            out.println("<div class=\"sk-notice sk-bad\" id=\"sk-degraded\" role=\"alert\">The hub cannot check its"
                    + " monitors properly: " + Html.esc(overview.degradedReason()) + ". Failures count as unknown"
                    + " meanwhile; no monitor is marked down.</div>");
        }
        out.println("<div class=\"sk-cards\" id=\"sk-uptime-counts\">");
        for (MonitorState state : MonitorState.values()) {
            out.println("<div class=\"sk-card\"><h3><a href=\"?state=" + state.wireName() + "\">"
                    + UptimeHtml.badge(state) + "</a></h3><div class=\"sk-big\" data-state=\"" + state.wireName()
                    + "\">" + overview.states().getOrDefault(state, 0L) + "</div></div>");
        }
        out.println("<div class=\"sk-card\"><h3>Open incidents</h3><div class=\"sk-big\" data-count=\"open-incidents\">"
                + overview.openIncidents() + "</div></div>");
        out.println("</div>");
        if (overview.openIncidents() > 0) {
            Page<IncidentDto> open = uptime.incidents(null, null, true, new PageRequest(INCIDENTS_SHOWN, 0));
            out.println("<h2>Open incidents</h2>");
            UptimeHtml.incidents(open.items(), true, "sk-open-incidents", out);
            if (open.total() > open.items().size()) {
                out.println("<p class=\"sk-dim\">" + open.items().size() + " of " + open.total()
                        + " shown; list the rest with <code>uptime:incidents --open</code>.</p>");
            }
        }
    }

    private void list(HttpServletRequest request, PrintWriter out) {
        String state = request.getParameter("state");
        String siteId = request.getParameter("site_id");
        String text = request.getParameter("q");
        out.println("<h2>Monitors</h2>");
        out.println("<form class=\"sk-inline\" method=\"get\" id=\"sk-uptime-filter\">");
        out.println("<input type=\"text\" name=\"q\" placeholder=\"name or URL\" value=\"" + Html.esc(text) + "\">");
        out.println("<select name=\"state\"><option value=\"\">any state</option>");
        for (MonitorState s : MonitorState.values()) {
            out.println("<option" + (s.wireName().equals(state) ? " selected" : "") + ">" + s.wireName() + "</option>");
        }
        out.println("</select>");
        out.println("<input type=\"text\" name=\"site_id\" placeholder=\"site id\" value=\"" + Html.esc(siteId)
                + "\"><button type=\"submit\">Filter</button></form>");
        Page<MonitorDto> page = uptime.list(
                MonitorsResource.query(state, siteId, text, PageRequest.parse(null, request.getParameter("cursor"))));
        out.println("<p class=\"sk-dim\" id=\"sk-monitor-total\">" + page.total() + " monitors match.</p>");
        UptimeHtml.monitors(page.items(), true, out);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", text);
        filters.put("state", state);
        filters.put("site_id", siteId);
        StringBuilder paging = new StringBuilder();
        if (request.getParameter("cursor") != null) {
            paging.append("<a href=\"")
                    .append(Html.esc(Html.link(LABEL, filters)))
                    .append("\">First page</a> ");
        }
        if (page.nextCursor() != null) {
            Map<String, Object> next = new LinkedHashMap<>(filters);
            next.put("cursor", page.nextCursor());
            paging.append("<a href=\"").append(Html.esc(Html.link(LABEL, next))).append("\">Next page</a>");
        }
        if (paging.length() > 0) {
            out.println("<p id=\"sk-paging\">" + paging + "</p>");
        }
    }

    private void monitor(HttpServletRequest request, ConsoleUser user, PrintWriter out, String rawId) {
        Optional<MonitorDto> found = parseId(rawId).flatMap(uptime::find);
        if (found.isEmpty()) {
            out.println("<div class=\"sk-notice sk-bad\">No monitor " + Html.esc(rawId) + ".</div>");
            out.println("<p><a href=\"" + LABEL + "\">All monitors</a></p>");
            return;
        }
        MonitorDto m = found.get();
        PageRequest incidentPage =
                PageRequest.parse(Integer.toString(INCIDENTS_SHOWN), request.getParameter("incidents_cursor"));
        MonitorView.Data data = new MonitorView.Data(
                m,
                uptime.stats(m.id()),
                uptime.days(m.id(), 30),
                uptime.responseTimes(m.id(), RESPONSE_POINTS),
                uptime.results(m.id(), RECENT_RESULTS),
                uptime.incidents(m.id(), null, false, incidentPage));
        MonitorView.render(data, user.canOperate() && m.enabled() ? checkForm(request, m) : "", out);
    }

    private String checkForm(HttpServletRequest request, MonitorDto m) {
        return "<form class=\"sk-inline\" method=\"post\" id=\"sk-check-now\">" + support.csrfField(request)
                + "<input type=\"hidden\" name=\"id\" value=\"" + m.id() + "\">"
                // a refused check comes back with the form's fields: to this monitor, with the reason
                + "<input type=\"hidden\" name=\"monitor\" value=\"" + m.id() + "\">"
                + "<button type=\"submit\" name=\"action\" value=\"check\">Check now</button>"
                + "<span class=\"sk-dim\">waits up to " + m.timeoutSeconds() + " s; recorded like a scheduled check"
                + "</span></form>";
    }

    private void site(PrintWriter out, String rawId) {
        long id = parseId(rawId).orElseThrow(() -> new InvalidInputException("site", "site must be a site id"));
        SiteView.render(uptime.site(id), out);
    }

    @Override
    protected String act(HttpServletRequest request, ConsoleUser user) {
        Validate.oneOf("action", request.getParameter("action"), List.of("check"));
        long id = parseId(request.getParameter("id"))
                .orElseThrow(() -> new InvalidInputException("id", "id must be a monitor id"));
        CheckResultDto result = uptime.checkNow(id, user.actor());
        return done(outcome(result), Map.of("monitor", id));
    }

    /** {@code Checked: up in 123 ms (status 200)} or {@code Checked: down (timeout: …)}. */
    static String outcome(CheckResultDto r) {
        StringBuilder text = new StringBuilder("Checked: ").append(r.outcome().wireName());
        if (r.responseMs() != null) {
            text.append(" in ").append(UptimeText.millis(r.responseMs()));
        }
        if (r.statusCode() != null) {
            text.append(" (status ").append(r.statusCode()).append(')');
        }
        if (r.cause() != null) {
            text.append(" — ").append(r.cause().wireName());
            if (r.detail() != null) {
                text.append(": ").append(r.detail());
            }
        }
        return text.toString();
    }

    private static Optional<Long> parseId(String raw) {
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
