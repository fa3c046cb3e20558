package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;

/**
 * {@code /system/console/telemetry}: seed 002's ops dashboard. Stat cards (active, outdated, high error rate,
 * average error rate), the CMS breakdown, the installation list (filtered and paged in the database) with
 * {@code version → latest}, status badges, error rates and the Notify and Block actions, the version registry,
 * and one installation ({@code ?id=<id>}) with its recent events, toggles and upgrade notices. Only ops and
 * admins see the action buttons; a viewer's POST is refused by {@link ConsolePage}.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=" + TelemetryPage.LABEL,
            "felix.webconsole.title=Telemetry",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class TelemetryPage extends ConsolePage {

    static final String LABEL = "telemetry";
    static final int PAGE_SIZE = 50;
    static final int EVENTS_SHOWN = 20;
    static final int TOGGLES_SHOWN = 20;
    static final String BLOCK_REASON = "Blocked from the console";
    static final String UNBLOCK_REASON = "Unblocked from the console";
    static final List<String> ACTIONS =
            List.of("notify", "block", "unblock", "toggle", "add-version", "remove-version");

    private static final long serialVersionUID = 1L;
    /** The list filters a list action returns to. */
    private static final List<String> FILTERS = List.of("q", "status", "cms", "merchant_id", "offset");

    private final transient TelemetryService telemetry;
    private final transient Clock clock;

    @Activate
    public TelemetryPage(
            @Reference ConsoleSupport support, @Reference TelemetryService telemetry, @Reference Clock clock) {
        super(support);
        this.telemetry = telemetry;
        this.clock = clock;
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        try {
            String id = TelemetryText.blankToNull(request.getParameter("id"));
            if (id != null) {
                installation(request, user, out, id);
            } else {
                dashboard(request, user, out);
            }
        } catch (SitekeeperException e) {
            out.println("<div class=\"sk-notice sk-bad\">" + Html.esc(e.getMessage()) + "</div>");
            out.println("<p><a href=\"" + LABEL + "\">All installations</a></p>");
        }
    }

    // ------------------------------------------------------------------ dashboard

    private void dashboard(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        StatsOverview stats = telemetry.overview();
        out.println("<h2>Plugin telemetry</h2>");
        cards(stats, out);
        out.println("<h2>By CMS</h2>");
        if (stats.cmsBreakdown().isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-cms-chart\">No installation has sent a heartbeat yet.</p>");
        } else {
            out.println("<div id=\"sk-cms-chart\">" + TelemetryHtml.cmsChart(stats, 480) + "</div>");
        }
        List<VersionDto> versions = telemetry.versions(null);
        list(request, user, out, stats, versions);
        versions(request, user, out, versions);
    }

    /** Seed 002's four stat cards, then the rest of the numbers in one line. */
    static void cards(StatsOverview s, PrintWriter out) {
        out.println("<div class=\"sk-cards\" id=\"sk-telemetry-stats\">");
        card(out, "active", "Active", "?status=active", Long.toString(s.activeCount()));
        card(out, "outdated", "Outdated", "?status=outdated", Long.toString(s.outdatedCount()));
        card(out, "high-error-rate", "High Error Rate", null, Long.toString(s.highErrorRateCount()));
        card(out, "avg-error-rate", "Avg Error Rate", null, TelemetryText.percent(s.avgErrorRate()));
        out.println("</div>");
        out.println("<p class=\"sk-dim\" id=\"sk-telemetry-totals\">" + s.totalCount() + " installations · "
                + Html.esc(TelemetryText.percent(s.outdatedPercentage())) + " outdated · <a href=\"?status=blocked\">"
                + s.blockedCount() + " blocked</a> · <a href=\"?status=error\">" + s.errorCount()
                + " without a heartbeat</a> (stale: " + s.staleCount() + ")</p>");
    }

    private static void card(PrintWriter out, String key, String title, String link, String value) {
        out.println("<div class=\"sk-card\" data-stat=\"" + key + "\"><h3>"
                + (link == null ? Html.esc(title) : "<a href=\"" + link + "\">" + Html.esc(title) + "</a>")
                + "</h3><div class=\"sk-big\">" + Html.esc(value) + "</div></div>");
    }

    private void list(
            HttpServletRequest request,
            ConsoleUser user,
            PrintWriter out,
            StatsOverview stats,
            List<VersionDto> versions) {
        String status = TelemetryText.blankToNull(request.getParameter("status"));
        String cms = TelemetryText.blankToNull(request.getParameter("cms"));
        String text = TelemetryText.blankToNull(request.getParameter("q"));
        String merchant = TelemetryText.blankToNull(request.getParameter("merchant_id"));
        out.println("<h2>Installations</h2>");
        out.println("<form class=\"sk-inline\" method=\"get\" id=\"sk-telemetry-filter\">");
        out.println("<input type=\"text\" name=\"q\" placeholder=\"merchant, site or version\" value=\""
                + Html.esc(text) + "\">");
        out.println("<select name=\"status\"><option value=\"\">any status</option>");
        for (String s : TelemetryHtml.STATUSES) {
            out.println("<option" + (s.equals(status) ? " selected" : "") + ">" + s + "</option>");
        }
        out.println("</select>");
        TreeSet<String> known = new TreeSet<>();
        stats.cmsBreakdown().forEach(c -> known.add(c.cms()));
        versions.forEach(v -> known.add(v.cms()));
        if (cms != null) {
            known.add(cms);
        }
        out.println("<select name=\"cms\"><option value=\"\">any CMS</option>");
        for (String c : known) {
            out.println("<option" + (c.equals(cms) ? " selected" : "") + ">" + Html.esc(c) + "</option>");
        }
        out.println("</select>");
        if (merchant != null) {
            out.println("<input type=\"hidden\" name=\"merchant_id\" value=\"" + Html.esc(merchant) + "\">");
        }
        out.println("<button type=\"submit\">Filter</button>"
                + (status != null || cms != null || text != null || merchant != null
                        ? " <a href=\"" + LABEL + "\">Clear</a>"
                        : "")
                + "</form>");
        int offset = Validate.intInRange("offset", request.getParameter("offset"), 0, 0, Integer.MAX_VALUE);
        Page<InstallationDto> page =
                telemetry.list(new InstallationQuery(status, cms, merchant, text, offset, PAGE_SIZE));
        out.println("<p class=\"sk-dim\" id=\"sk-installation-total\">" + page.total() + " installations match"
                + (merchant == null ? "" : " (merchant " + Html.esc(merchant) + ")") + ".</p>");
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", text);
        filters.put("status", status);
        filters.put("cms", cms);
        filters.put("merchant_id", merchant);
        filters.put("offset", offset == 0 ? null : offset);
        installations(page.items(), user.canOperate() ? actions(request, filters) : null, clock.instant(), out);
        paging(page, offset, filters, out);
    }

    private Function<InstallationDto, String> actions(HttpServletRequest request, Map<String, Object> back) {
        String csrf = support.csrfField(request);
        StringBuilder hidden = new StringBuilder();
        back.forEach((name, value) -> {
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(Html.esc(value))
                        .append("\">");
            }
        });
        return i -> rowActions(csrf + hidden, i);
    }

    /** Seed 002's Notify and Block buttons (Unblock once blocked); Notify only while a newer version exists. */
    static String rowActions(String hiddenFields, InstallationDto i) {
        StringBuilder form = new StringBuilder("<form class=\"sk-inline\" method=\"post\">")
                .append(hiddenFields)
                .append("<input type=\"hidden\" name=\"plugin\" value=\"")
                .append(Html.esc(i.id()))
                .append("\">");
        return form.append(buttons(i, "")).append("</form>").toString();
    }

    /**
     * Notify (while a newer version exists, after {@code beforeNotify}: the detail view's channel choice) and Block,
     * or Unblock once blocked.
     */
    private static String buttons(InstallationDto i, String beforeNotify) {
        StringBuilder html = new StringBuilder();
        if (TelemetryText.behind(i)) {
            html.append(beforeNotify)
                    .append("<button type=\"submit\" name=\"action\" value=\"notify\">Notify</button>");
        }
        if ("blocked".equals(i.status())) {
            html.append("<button type=\"submit\" name=\"action\" value=\"unblock\">Unblock</button>");
        } else {
            html.append("<button type=\"submit\" name=\"action\" value=\"block\" class=\"sk-danger\">Block</button>");
        }
        return html.toString();
    }

    /** Seed 002's table: Merchant, CMS, Version → latest, Status, Error Rate, (Actions). */
    /**
     * @param actions the buttons of a row, or {@code null} for viewers (who see no buttons)
     */
    static void installations(
            List<InstallationDto> items, Function<InstallationDto, String> actions, Instant now, PrintWriter out) {
        if (items.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-installations\">No installations.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-installations\"><tr><th>Merchant</th><th>CMS</th><th>Site</th>"
                + "<th>Version</th><th>Status</th><th>Error Rate</th><th>Last heartbeat</th>"
                + (actions == null ? "" : "<th>Actions</th>") + "</tr>");
        for (InstallationDto i : items) {
            out.println("<tr data-installation-id=\"" + Html.esc(i.id()) + "\" data-status=\"" + Html.esc(i.status())
                    + "\"><td>" + TelemetryHtml.installationLink(i.id(), TelemetryText.merchant(i))
                    + "<div class=\"sk-dim\">" + Html.esc(i.merchantId()) + "</div></td><td>" + Html.esc(i.cms())
                    + "</td><td>" + TelemetryHtml.siteLink(i.siteUrl()) + "</td><td>" + TelemetryHtml.version(i)
                    + "</td><td>" + TelemetryHtml.status(i.status()) + "</td><td class=\"sk-error-rate\">"
                    + Html.esc(TelemetryText.percent(i.errorRate())) + "</td><td>"
                    + Html.esc(Format.ago(i.lastHeartbeat(), now)) + "</td>"
                    + (actions == null ? "" : "<td>" + actions.apply(i) + "</td>") + "</tr>");
        }
        out.println("</table>");
    }

    private static void paging(Page<InstallationDto> page, int offset, Map<String, Object> filters, PrintWriter out) {
        StringBuilder paging = new StringBuilder();
        if (offset > 0) {
            Map<String, Object> previous = new LinkedHashMap<>(filters);
            previous.put("offset", offset > PAGE_SIZE ? offset - PAGE_SIZE : null);
            paging.append("<a href=\"")
                    .append(Html.esc(Html.link(LABEL, previous)))
                    .append("\">Previous page</a> ");
        }
        if (page.nextCursor() != null) {
            Map<String, Object> next = new LinkedHashMap<>(filters);
            next.put("offset", page.nextCursor());
            paging.append("<a href=\"").append(Html.esc(Html.link(LABEL, next))).append("\">Next page</a>");
        }
        if (!page.items().isEmpty()) {
            out.println("<p id=\"sk-paging\"><span class=\"sk-dim\">" + (offset + 1) + "–"
                    + (offset + page.items().size()) + " of " + page.total() + "</span> " + paging + "</p>");
        }
    }

    // ------------------------------------------------------------------ versions

    private void versions(HttpServletRequest request, ConsoleUser user, PrintWriter out, List<VersionDto> versions) {
        out.println("<h2>Versions</h2>");
        versionTable(versions, user.canOperate() ? support.csrfField(request) : null, out);
        if (user.canOperate()) {
            addVersionForm(request, out);
        }
    }

    /**
     * The registry, CMS by CMS; with {@code csrf} (ops), a Remove button per version.
     */
    static void versionTable(List<VersionDto> versions, String csrf, PrintWriter out) {
        if (versions.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-versions\">No version registered yet: installations are not"
                    + " compared with anything until one is.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-versions\"><tr><th>CMS</th><th>Version</th><th></th>"
                + "<th>Released</th><th>Installations</th><th>Release notes</th>"
                + (csrf == null ? "" : "<th></th>") + "</tr>");
        for (VersionDto v : versions) {
            String flags = (v.latest() ? Html.badge("latest", "ok") + " " : "")
                    + (v.isSecurity() ? Html.badge("security", "bad") : "");
            out.println("<tr data-cms=\"" + Html.esc(v.cms()) + "\" data-version=\"" + Html.esc(v.version())
                    + "\"><td>" + Html.esc(v.cms()) + "</td><td>" + Html.esc(v.version()) + "</td><td>" + flags
                    + "</td><td>" + Html.esc(v.releasedAt() == null ? "-" : Format.instant(v.releasedAt()))
                    + "</td><td>" + v.installations() + "</td><td>"
                    + Html.esc(TelemetryText.cut(TelemetryText.oneLine(v.releaseNotes()), 200)) + "</td>"
                    + (csrf == null
                            ? ""
                            : "<td><form class=\"sk-inline\" method=\"post\">" + csrf
                                    + "<input type=\"hidden\" name=\"version_cms\" value=\"" + Html.esc(v.cms())
                                    + "\"><input type=\"hidden\" name=\"version\" value=\"" + Html.esc(v.version())
                                    + "\"><button type=\"submit\" name=\"action\" value=\"remove-version\""
                                    + " class=\"sk-danger\">Remove</button></form></td>")
                    + "</tr>");
        }
        out.println("</table>");
    }

    private void addVersionForm(HttpServletRequest request, PrintWriter out) {
        boolean retry = "add-version".equals(request.getParameter("action"));
        out.println("<h3>Register a version</h3>");
        out.println("<form class=\"sk-form\" method=\"post\" id=\"sk-add-version\">" + support.csrfField(request)
                + "<input type=\"hidden\" name=\"action\" value=\"add-version\">");
        input(out, "version_cms", "CMS", retry ? request.getParameter("version_cms") : "", "woocommerce");
        input(out, "version", "Version", retry ? request.getParameter("version") : "", "1.3.5");
        input(
                out,
                "released_at",
                "Released",
                retry ? request.getParameter("released_at") : "",
                "ISO-8601, e.g. 2026-01-31T12:00:00Z");
        input(out, "release_notes", "Release notes", retry ? request.getParameter("release_notes") : "", "");
        out.println("<span></span><div><label><input type=\"checkbox\" name=\"is_latest\" value=\"true\""
                + (!retry || "true".equals(request.getParameter("is_latest")) ? " checked" : "")
                + "> the latest version</label> <label><input type=\"checkbox\" name=\"is_security\" value=\"true\""
                + (retry && "true".equals(request.getParameter("is_security")) ? " checked" : "")
                + "> a security release</label></div>");
        out.println("<span></span><div><button type=\"submit\">Register</button></div></form>");
    }

    private static void input(PrintWriter out, String name, String label, String value, String hint) {
        out.println("<label for=\"" + name + "\">" + Html.esc(label) + "</label><div><input type=\"text\" id=\"" + name
                + "\" name=\"" + name + "\" value=\"" + Html.esc(value) + "\" placeholder=\"" + Html.esc(hint)
                + "\"></div>");
    }

    // ------------------------------------------------------------------ one installation

    private void installation(HttpServletRequest request, ConsoleUser user, PrintWriter out, String id) {
        Optional<InstallationDetail> found = telemetry.find(id);
        if (found.isEmpty()) {
            out.println("<div class=\"sk-notice sk-bad\">No installation " + Html.esc(id) + ".</div>");
            out.println("<p><a href=\"" + LABEL + "\">All installations</a></p>");
            return;
        }
        InstallationDetail detail = found.get();
        List<ToggleDto> toggles = telemetry.toggles(id);
        String forms = user.canOperate() ? detailForms(request, detail.installation()) : "";
        InstallationView.render(detail, toggles, forms, clock.instant(), out);
    }

    /** Notify (with a channel), Block or Unblock, and the toggle form: for ops and admins only. */
    private String detailForms(HttpServletRequest request, InstallationDto i) {
        String csrf = support.csrfField(request);
        // the installation's id rides along, so the answer (or a refusal) comes back to this view
        String hidden = csrf + "<input type=\"hidden\" name=\"id\" value=\"" + Html.esc(i.id())
                + "\"><input type=\"hidden\" name=\"plugin\" value=\"" + Html.esc(i.id()) + "\">";
        StringBuilder html = new StringBuilder("<div id=\"sk-installation-actions\">");
        html.append("<form class=\"sk-inline\" method=\"post\" id=\"sk-notify\">")
                .append(hidden);
        StringBuilder channels = new StringBuilder("<select name=\"channel\"><option value=\"\">channels of a ")
                .append(Html.esc(i.upgradeType() == null ? "" : i.upgradeType() + " "))
                .append("upgrade (seed 002)</option>");
        for (String channel : TelemetryService.CHANNELS) {
            channels.append("<option>").append(channel).append("</option>");
        }
        html.append(buttons(i, channels.append("</select>").toString())).append("</form>");
        boolean retry = "toggle".equals(request.getParameter("action"));
        String key = retry ? request.getParameter("toggle_key") : null;
        html.append("<form class=\"sk-inline\" method=\"post\" id=\"sk-toggle\">")
                .append(hidden)
                .append("<input type=\"hidden\" name=\"action\" value=\"toggle\"><select name=\"toggle_key\">");
        for (String k : TelemetryHtml.TOGGLE_KEYS) {
            html.append("<option")
                    .append(k.equals(key) ? " selected" : "")
                    .append('>')
                    .append(k)
                    .append("</option>");
        }
        html.append("</select><select name=\"toggle_value\"><option value=\"true\">on</option>")
                .append("<option value=\"false\"")
                .append(retry && "false".equals(request.getParameter("toggle_value")) ? " selected" : "")
                .append(">off</option></select>")
                .append("<input type=\"text\" name=\"reason\" placeholder=\"reason\" value=\"")
                .append(Html.esc(retry ? request.getParameter("reason") : ""))
                .append(
                        "\"><input type=\"text\" name=\"expires_at\" placeholder=\"expires (ISO-8601, optional)\" value=\"")
                .append(Html.esc(retry ? request.getParameter("expires_at") : ""))
                .append(
                        "\"><input type=\"text\" name=\"rate_per_minute\" placeholder=\"rate/min (rate_limit)\" value=\"")
                .append(Html.esc(retry ? request.getParameter("rate_per_minute") : ""))
                .append("\"><button type=\"submit\">Set toggle</button>")
                .append(fieldError(request, "toggle_key"))
                .append(fieldError(request, "expires_at"))
                .append(fieldError(request, "rate_per_minute"))
                .append("</form></div>");
        return html.toString();
    }

    // ------------------------------------------------------------------ actions

    @Override
    protected String act(HttpServletRequest request, ConsoleUser user) {
        String action = Validate.oneOf("action", request.getParameter("action"), ACTIONS);
        switch (action) {
            case "add-version" -> {
                VersionDto v = telemetry.registerVersion(
                        new NewVersion(
                                request.getParameter("version_cms"),
                                request.getParameter("version"),
                                "true".equals(request.getParameter("is_latest")),
                                "true".equals(request.getParameter("is_security")),
                                TelemetryText.blankToNull(request.getParameter("release_notes")),
                                TelemetryText.blankToNull(request.getParameter("released_at"))),
                        user.actor());
                return done("Registered " + v.cms() + " " + v.version() + (v.latest() ? " as the latest version" : ""));
            }
            case "remove-version" -> {
                String cms = required(request, "version_cms");
                String version = required(request, "version");
                telemetry.removeVersion(cms, version, user.actor());
                return done("Removed " + cms + " " + version + " from the registry");
            }
            default -> {
                // the installation actions below
            }
        }
        String plugin = required(request, "plugin");
        Map<String, Object> back = back(request);
        switch (action) {
            case "notify" -> {
                List<UpgradeNoticeDto> sent = telemetry.notifyUpgrade(
                        plugin, TelemetryText.blankToNull(request.getParameter("channel")), user.actor());
                return done(notified(sent), back);
            }
            case "block" -> {
                telemetry.setToggle(
                        plugin, new ToggleChange("block_plugin", true, BLOCK_REASON, null, null, null), user.actor());
                return done("Blocked installation " + plugin + "; its next heartbeat tells the plugin", back);
            }
            case "unblock" -> {
                telemetry.setToggle(
                        plugin,
                        new ToggleChange("block_plugin", false, UNBLOCK_REASON, null, null, null),
                        user.actor());
                return done("Unblocked installation " + plugin, back);
            }
            default -> {
                String raw = request.getParameter("toggle_value");
                if (raw == null || raw.isBlank()) {
                    throw InvalidInputException.missing("toggle_value");
                }
                ToggleDto t = telemetry.setToggle(
                        plugin,
                        new ToggleChange(
                                request.getParameter("toggle_key"),
                                Validate.flag("toggle_value", raw, false),
                                TelemetryText.blankToNull(request.getParameter("reason")),
                                TelemetryText.blankToNull(request.getParameter("expires_at")),
                                null,
                                number("rate_per_minute", request.getParameter("rate_per_minute"))),
                        user.actor());
                return done(
                        "Set " + t.toggleKey() + " to " + (t.toggleValue() ? "on" : "off")
                                + (t.active() ? "" : " (not in force: already expired)"),
                        back);
            }
        }
    }

    /** {@code Upgrade notice sent: email (queued), in-app (pending)}. */
    static String notified(List<UpgradeNoticeDto> sent) {
        if (sent.isEmpty()) {
            return "No upgrade notice was sent";
        }
        UpgradeNoticeDto first = sent.get(0);
        return (sent.size() == 1 ? "Upgrade notice" : "Upgrade notices") + " to " + first.targetVersion() + " sent: "
                + sent.stream().map(n -> n.channel() + " (" + n.status() + ")").collect(Collectors.joining(", "));
    }

    /** Where an installation action returns to: the installation's view, or the list as it was filtered. */
    private static Map<String, Object> back(HttpServletRequest request) {
        Map<String, Object> back = new LinkedHashMap<>();
        String id = TelemetryText.blankToNull(request.getParameter("id"));
        if (id != null) {
            back.put("id", id);
            return back;
        }
        for (String name : FILTERS) {
            back.put(name, TelemetryText.blankToNull(request.getParameter(name)));
        }
        return back;
    }

    private static String required(HttpServletRequest request, String field) {
        String value = TelemetryText.blankToNull(request.getParameter(field));
        if (value == null) {
            throw InvalidInputException.missing(field);
        }
        return value;
    }

    private static Integer number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }
}
