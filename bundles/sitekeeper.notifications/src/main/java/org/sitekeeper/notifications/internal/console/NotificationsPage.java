package org.sitekeeper.notifications.internal.console;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.ChannelChange;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.ChannelTypeDto;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.InboxItemDto;
import org.sitekeeper.notifications.api.NewChannel;
import org.sitekeeper.notifications.api.NewRule;
import org.sitekeeper.notifications.api.NewSilence;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.RuleDto;
import org.sitekeeper.notifications.api.RuleTarget;
import org.sitekeeper.notifications.api.SilenceDto;
import org.sitekeeper.notifications.api.TestResult;
import org.sitekeeper.notifications.internal.rest.DeliveriesResource;

/**
 * {@code /system/console/notifications}: channels with how their last delivery went, the delivery log, the in-app
 * inbox, silences and rules, with forms for ops and admins.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=notifications",
            "felix.webconsole.title=Notifications",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class NotificationsPage extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private static final List<String> VIEWS = List.of("channels", "log", "inbox", "silences", "rules");
    private final transient NotificationService notifications;

    @Activate
    public NotificationsPage(@Reference ConsoleSupport support, @Reference NotificationService notifications) {
        super(support);
        this.notifications = notifications;
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        String view = Optional.ofNullable(request.getParameter("view"))
                .filter(VIEWS::contains)
                .orElse("channels");
        out.println("<nav class=\"sk-inline\" id=\"sk-views\">");
        for (String v : VIEWS) {
            out.println(
                    v.equals(view)
                            ? "<strong>" + label(v) + "</strong>"
                            : "<a href=\"?view=" + v + "\">" + label(v) + "</a>");
        }
        out.println("</nav>");
        try {
            switch (view) {
                case "log" -> log(request, out);
                case "inbox" -> inbox(request, out);
                case "silences" -> silences(request, user, out);
                case "rules" -> rules(request, user, out);
                default -> channels(request, user, out);
            }
        } catch (SitekeeperException e) {
            out.println("<div class=\"sk-notice sk-bad\">" + Html.esc(e.getMessage()) + "</div>");
        }
    }

    private static String label(String view) {
        return switch (view) {
            case "log" -> "Delivery log";
            case "inbox" -> "Inbox";
            case "silences" -> "Silences";
            case "rules" -> "Rules";
            default -> "Channels";
        };
    }

    // ------------------------------------------------------------------ channels

    private void channels(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        Instant now = Instant.now();
        out.println("<h2>Channels</h2>");
        List<ChannelDto> channels = notifications.channels();
        out.println("<table class=\"sk-table\" id=\"sk-channels\"><tr><th>Name</th><th>Type</th><th>Enabled</th>"
                + "<th>Last delivery</th><th>Status</th><th>Last error</th>" + (user.canOperate() ? "<th></th>" : "")
                + "</tr>");
        for (ChannelDto c : channels) {
            out.println("<tr data-channel-id=\"" + c.id() + "\"><td>" + Html.esc(c.name()) + "</td><td>"
                    + Html.esc(c.type()) + "</td><td>" + (c.enabled() ? "yes" : Html.badge("disabled", "muted"))
                    + "</td><td>" + Html.esc(Format.ago(c.lastDeliveryAt(), now)) + "</td><td class=\"sk-status\">"
                    + status(c.lastDeliveryStatus()) + "</td><td>" + Html.esc(c.lastError()) + "</td>"
                    + (user.canOperate() ? "<td>" + channelActions(request, c) + "</td>" : "") + "</tr>");
        }
        out.println("</table>");
        if (channels.isEmpty()) {
            out.println("<p class=\"sk-dim\">No channels yet.</p>");
        }
        if (user.canOperate()) {
            addChannel(request, out);
        }
    }

    private String channelActions(HttpServletRequest request, ChannelDto c) {
        String csrf = support.csrfField(request);
        return "<form class=\"sk-inline\" method=\"post\">" + csrf + "<input type=\"hidden\" name=\"id\" value=\""
                + c.id()
                + "\"><input type=\"text\" name=\"recipients\" placeholder=\"recipients (if needed)\" size=\"18\">"
                + "<button type=\"submit\" name=\"action\" value=\"test\">Test</button>"
                + "<button type=\"submit\" name=\"action\" value=\"" + (c.enabled() ? "disable" : "enable") + "\">"
                + (c.enabled() ? "Disable" : "Enable") + "</button>"
                + "<button type=\"submit\" name=\"action\" value=\"delete-channel\" class=\"sk-danger\""
                + " onclick=\"return confirm('Delete this channel?')\">Delete</button></form>";
    }

    private void addChannel(HttpServletRequest request, PrintWriter out) {
        List<ChannelTypeDto> types = notifications.channelTypes();
        String chosen = request.getParameter("type");
        out.println("<h2>Add a channel</h2><p>");
        for (ChannelTypeDto t : types) {
            out.println(
                    t.type().equals(chosen)
                            ? "<strong>" + Html.esc(t.title()) + "</strong>"
                            : "<a href=\"?view=channels&amp;type=" + Html.encode(t.type()) + "\">" + Html.esc(t.title())
                                    + "</a>");
        }
        out.println("</p>");
        Optional<ChannelTypeDto> type =
                types.stream().filter(t -> t.type().equals(chosen)).findFirst();
        if (type.isEmpty()) {
            return;
        }
        out.println("<form class=\"sk-form\" method=\"post\" id=\"sk-add-channel\" autocomplete=\"off\">"
                + support.csrfField(request));
        out.println("<input type=\"hidden\" name=\"action\" value=\"create-channel\">");
        out.println("<input type=\"hidden\" name=\"type\" value=\""
                + Html.esc(type.get().type()) + "\">");
        input(request, out, "name", "Name", request.getParameter("name"), "", "text");
        for (ChannelField f : type.get().fields()) {
            String name = "config." + f.name();
            input(
                    request,
                    out,
                    name,
                    f.name() + (f.required() ? " *" : ""),
                    f.secret() ? "" : request.getParameter(name),
                    f.description(),
                    f.secret() ? "password" : "text");
        }
        out.println("<span></span><div><button type=\"submit\">Add channel</button></div></form>");
    }

    // ------------------------------------------------------------------ log

    private void log(HttpServletRequest request, PrintWriter out) {
        String id = request.getParameter("id");
        if (id != null && !id.isBlank()) {
            delivery(out, id);
            return;
        }
        String status = request.getParameter("status");
        String topic = request.getParameter("topic");
        String key = request.getParameter("alert_key");
        out.println("<h2>Delivery log</h2>");
        out.println("<form class=\"sk-inline\" method=\"get\" id=\"sk-log-filter\"><input type=\"hidden\" name=\"view\""
                + " value=\"log\"><select name=\"status\"><option value=\"\">any status</option>");
        for (String s : DeliveriesResource.STATUSES) {
            out.println("<option" + (s.equals(status) ? " selected" : "") + ">" + s + "</option>");
        }
        out.println("</select><input type=\"text\" name=\"topic\" placeholder=\"topic starts with\" value=\""
                + Html.esc(topic) + "\"><input type=\"text\" name=\"alert_key\" placeholder=\"alert key\" value=\""
                + Html.esc(key) + "\"><button type=\"submit\">Filter</button></form>");
        Page<DeliveryDto> page = notifications.deliveries(DeliveriesResource.query(
                status, null, key, topic, null, null, PageRequest.parse(null, request.getParameter("cursor"))));
        out.println("<p class=\"sk-dim\">" + page.total() + " deliveries match.</p>");
        out.println("<table class=\"sk-table\" id=\"sk-log\"><tr><th>Created</th><th>Subject</th><th>Kind</th>"
                + "<th>Channel</th><th>Status</th><th>Tries</th><th>Error</th></tr>");
        for (DeliveryDto d : page.items()) {
            out.println("<tr data-delivery-id=\"" + d.id() + "\" data-status=\"" + Html.esc(d.status()) + "\"><td>"
                    + Html.esc(Format.instant(d.createdAt())) + "</td><td><a href=\"?view=log&amp;id=" + d.id() + "\">"
                    + Html.esc(d.subject()) + "</a></td><td>" + Html.esc(d.kind()) + "</td><td>"
                    + Html.esc(d.channelName()) + "</td><td>" + status(d.status()) + "</td><td>" + d.attempts()
                    + "</td><td>" + Html.esc(d.lastError()) + "</td></tr>");
        }
        out.println("</table>");
        if (page.nextCursor() != null) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("view", "log");
            next.put("status", status);
            next.put("topic", topic);
            next.put("alert_key", key);
            next.put("cursor", page.nextCursor());
            out.println("<p><a href=\"" + Html.esc(Html.link("", next)) + "\">Older</a></p>");
        }
    }

    private void delivery(PrintWriter out, String rawId) {
        Optional<DeliveryDto> found = parseId(rawId).flatMap(notifications::delivery);
        out.println("<p><a href=\"?view=log\">← Delivery log</a></p>");
        if (found.isEmpty()) {
            out.println("<div class=\"sk-notice sk-bad\">No delivery " + Html.esc(rawId) + ".</div>");
            return;
        }
        DeliveryDto d = found.get();
        out.println("<h2>" + Html.esc(d.subject()) + " " + status(d.status()) + "</h2>");
        out.println("<table class=\"sk-table\" id=\"sk-delivery\">");
        detail(out, "Kind", d.kind());
        detail(out, "Channel", d.channelName());
        detail(out, "Recipients", String.join(", ", d.recipients()));
        detail(out, "Alert key", d.alertKey());
        detail(out, "Topic", d.topic());
        detail(out, "Severity", d.severity());
        detail(out, "Created", Format.instant(d.createdAt()));
        detail(out, "Next attempt", d.nextAttemptAt() == null ? null : Format.instant(d.nextAttemptAt()));
        detail(out, "Delivered", d.deliveredAt() == null ? null : Format.instant(d.deliveredAt()));
        detail(out, "Last error", d.lastError());
        if (d.groupedInto() != null) {
            out.println("<tr><th>Sent as part of</th><td><a href=\"?view=log&amp;id=" + d.groupedInto() + "\">delivery "
                    + d.groupedInto() + "</a></td></tr>");
        }
        if (d.suppressedBy() != null) {
            detail(out, "Suppressed by", "silence " + d.suppressedBy());
        }
        out.println("</table><h2>Attempts</h2><table class=\"sk-table\" id=\"sk-attempts\"><tr><th>When</th>"
                + "<th>Outcome</th><th>Took</th><th>Detail</th></tr>");
        for (DeliveryDto.AttemptDto a : d.attemptLog()) {
            out.println("<tr><td>" + Html.esc(Format.instant(a.at())) + "</td><td>" + status(a.outcome()) + "</td><td>"
                    + a.durationMillis() + " ms</td><td>" + Html.esc(a.detail()) + "</td></tr>");
        }
        out.println("</table>");
    }

    // ------------------------------------------------------------------ inbox

    private void inbox(HttpServletRequest request, PrintWriter out) {
        boolean all = "true".equals(request.getParameter("all"));
        Page<InboxItemDto> page = notifications.inbox(!all, PageRequest.parse(null, request.getParameter("cursor")));
        out.println("<h2>Inbox</h2><p>"
                + (all
                        ? "<a href=\"?view=inbox\">Only unacknowledged</a>"
                        : "<a href=\"?view=inbox&amp;all=true\">Show acknowledged too</a>")
                + "</p>");
        out.println("<form class=\"sk-inline\" method=\"post\">" + support.csrfField(request)
                + "<button type=\"submit\" name=\"action\" value=\"ack-all\">Acknowledge all</button></form>");
        out.println("<table class=\"sk-table\" id=\"sk-inbox\"><tr><th>When</th><th>Severity</th><th>Title</th>"
                + "<th>Message</th><th>Acknowledged</th></tr>");
        for (InboxItemDto item : page.items()) {
            String ack = item.acknowledgedAt() != null
                    ? Html.esc(item.acknowledgedBy() + ", " + Format.instant(item.acknowledgedAt()))
                    : "<form class=\"sk-inline\" method=\"post\">" + support.csrfField(request)
                            + "<input type=\"hidden\" name=\"id\" value=\"" + item.id() + "\"><button type=\"submit\""
                            + " name=\"action\" value=\"ack\">Acknowledge</button></form>";
            String title = item.link() == null
                    ? Html.esc(item.title())
                    : "<a href=\"" + Html.esc(item.link()) + "\">" + Html.esc(item.title()) + "</a>";
            out.println("<tr data-inbox-id=\"" + item.id() + "\"><td>" + Html.esc(Format.instant(item.createdAt()))
                    + "</td><td>" + Html.badge(item.severity(), severityKind(item.severity())) + "</td><td>" + title
                    + "</td><td>" + Html.esc(item.message()) + "</td><td>" + ack + "</td></tr>");
        }
        out.println("</table><p class=\"sk-dim\">" + page.total() + " items.</p>");
    }

    // ------------------------------------------------------------------ silences

    private void silences(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        boolean all = "true".equals(request.getParameter("all"));
        out.println("<h2>Silences and maintenance windows</h2><p>"
                + (all
                        ? "<a href=\"?view=silences\">Hide ended</a>"
                        : "<a href=\"?view=silences&amp;all=true\">Show ended</a>")
                + "</p>");
        out.println("<table class=\"sk-table\" id=\"sk-silences\"><tr><th>Kind</th><th>Active</th><th>Sites</th>"
                + "<th>Groups</th><th>Topics</th><th>Window</th><th>By</th><th>Reason</th>"
                + (user.canOperate() ? "<th></th>" : "") + "</tr>");
        for (SilenceDto s : notifications.silences(all)) {
            String window = Format.instant(s.startsAt()) + " → "
                    + (s.endsAt() == null ? "open" : Format.instant(s.endsAt()))
                    + (s.recurrence() == null
                            ? ""
                            : "; " + String.join(",", s.recurrence().days()) + " "
                                    + s.recurrence().start() + " for "
                                    + s.recurrence().durationMinutes() + " min ("
                                    + s.recurrence().timeZone() + ")");
            boolean ended = s.endsAt() != null && !s.endsAt().isAfter(Instant.now());
            out.println("<tr data-silence-id=\"" + s.id() + "\"><td>" + Html.esc(s.kind()) + "</td><td>"
                    + (s.activeNow() ? Html.badge("active", "warn") : Html.badge(ended ? "ended" : "waiting", "muted"))
                    + "</td><td>" + Html.esc(join(s.siteIds())) + "</td><td>" + Html.esc(join(s.groups())) + "</td><td>"
                    + Html.esc(join(s.topics())) + "</td><td>" + Html.esc(window) + "</td><td>"
                    + Html.esc(s.createdBy()) + "</td><td>" + Html.esc(s.reason()) + "</td>"
                    + (user.canOperate() && !ended
                            ? "<td><form class=\"sk-inline\" method=\"post\">" + support.csrfField(request)
                                    + "<input type=\"hidden\" name=\"id\" value=\"" + s.id()
                                    + "\"><button type=\"submit\""
                                    + " name=\"action\" value=\"end-silence\">End now</button></form></td>"
                            : user.canOperate() ? "<td></td>" : "")
                    + "</tr>");
        }
        out.println("</table>");
        if (!user.canOperate()) {
            return;
        }
        out.println("<h2>Silence</h2><form class=\"sk-form\" method=\"post\" id=\"sk-add-silence\">"
                + support.csrfField(request) + "<input type=\"hidden\" name=\"action\" value=\"create-silence\">");
        out.println("<label for=\"kind\">Kind</label><div><select id=\"kind\" name=\"kind\"><option>silence</option>"
                + "<option>maintenance</option></select></div>");
        input(
                request,
                out,
                "site_ids",
                "Site ids",
                request.getParameter("site_ids"),
                "comma-separated; empty: any",
                "text");
        input(request, out, "groups", "Site groups", request.getParameter("groups"), "comma-separated", "text");
        input(request, out, "topics", "Topics", request.getParameter("topics"), "e.g. sitekeeper/uptime/*", "text");
        input(
                request,
                out,
                "duration_minutes",
                "Minutes",
                request.getParameter("duration_minutes"),
                "from now, e.g. 120",
                "text");
        input(request, out, "reason", "Reason", request.getParameter("reason"), "", "text");
        out.println("<span></span><div><button type=\"submit\">Create</button></div></form>");
    }

    // ------------------------------------------------------------------ rules

    private void rules(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        Map<Long, String> names =
                notifications.channels().stream().collect(Collectors.toMap(ChannelDto::id, ChannelDto::name));
        out.println("<h2>Rules</h2><p class=\"sk-dim\">Every matching rule sends; default rules only when no other rule"
                + " matched. Recoveries go wherever their alert went.</p>");
        out.println("<table class=\"sk-table\" id=\"sk-rules\"><tr><th>Position</th><th>Name</th><th>Matches</th>"
                + "<th>Sends to</th><th>Cooldown</th><th>Repeat</th><th>Group wait</th>"
                + (user.canOperate() ? "<th></th>" : "") + "</tr>");
        for (RuleDto r : notifications.rules()) {
            String matches = (r.isDefault() ? "default · " : "")
                    + (r.topics().isEmpty() ? "any topic" : String.join(", ", r.topics())) + " · ≥" + r.minSeverity()
                    + (r.siteIds().isEmpty() ? "" : " · sites " + join(r.siteIds()))
                    + (r.groups().isEmpty() ? "" : " · groups " + join(r.groups()))
                    + (r.tags().isEmpty() ? "" : " · tags " + join(r.tags()));
            String targets = r.targets().stream()
                    .map(t -> names.getOrDefault(t.channelId(), "#" + t.channelId())
                            + (t.recipients().isEmpty() ? "" : " → " + String.join(", ", t.recipients())))
                    .collect(Collectors.joining("; "));
            out.println("<tr data-rule-id=\"" + r.id() + "\"><td>" + r.position() + "</td><td>" + Html.esc(r.name())
                    + (r.enabled() ? "" : " " + Html.badge("off", "muted")) + "</td><td>" + Html.esc(matches)
                    + "</td><td>" + Html.esc(targets) + "</td><td>" + r.cooldownMinutes() + " min</td><td>"
                    + (r.repeatMinutes() == 0 ? "never" : r.repeatMinutes() + " min") + "</td><td>"
                    + r.groupWaitSeconds() + " s</td>"
                    + (user.canOperate()
                            ? "<td><form class=\"sk-inline\" method=\"post\">" + support.csrfField(request)
                                    + "<input type=\"hidden\" name=\"id\" value=\"" + r.id()
                                    + "\"><button type=\"submit\""
                                    + " name=\"action\" value=\"delete-rule\" class=\"sk-danger\" onclick=\"return"
                                    + " confirm('Delete this rule?')\">Delete</button></form></td>"
                            : "")
                    + "</tr>");
        }
        out.println("</table>");
        if (!user.canOperate() || names.isEmpty()) {
            return;
        }
        out.println("<h2>Add a rule</h2><form class=\"sk-form\" method=\"post\" id=\"sk-add-rule\">"
                + support.csrfField(request) + "<input type=\"hidden\" name=\"action\" value=\"create-rule\">");
        input(request, out, "name", "Name", request.getParameter("name"), "", "text");
        input(
                request,
                out,
                "topics",
                "Topics",
                request.getParameter("topics"),
                "comma-separated patterns; empty: all",
                "text");
        out.println("<label for=\"min_severity\">Lowest severity</label><div><select id=\"min_severity\""
                + " name=\"min_severity\"><option>info</option><option selected>warning</option><option>critical"
                + "</option></select></div>");
        input(
                request,
                out,
                "groups",
                "Site groups",
                request.getParameter("groups"),
                "comma-separated; empty: any",
                "text");
        out.println("<label for=\"channel_id\">Channel</label><div><select id=\"channel_id\" name=\"channel_id\">");
        names.forEach((id, name) -> out.println("<option value=\"" + id + "\">" + Html.esc(name) + "</option>"));
        out.println("</select>" + fieldError(request, "targets[0].channel_id") + "</div>");
        input(
                request,
                out,
                "targets[0].recipients",
                "Recipients",
                request.getParameter("targets[0].recipients"),
                "comma-separated, for email and SMS",
                "text");
        input(
                request,
                out,
                "cooldown_minutes",
                "Cooldown (min)",
                request.getParameter("cooldown_minutes"),
                "10",
                "text");
        input(
                request,
                out,
                "repeat_minutes",
                "Repeat (min)",
                request.getParameter("repeat_minutes"),
                "240; 0 never",
                "text");
        input(
                request,
                out,
                "group_wait_seconds",
                "Group wait (s)",
                request.getParameter("group_wait_seconds"),
                "5",
                "text");
        out.println("<span></span><div><label><input type=\"checkbox\" name=\"is_default\" value=\"true\"> default rule"
                + " (only when no other rule matched)</label></div>");
        out.println("<span></span><div><button type=\"submit\">Add rule</button></div></form>");
    }

    // ------------------------------------------------------------------ actions

    @Override
    protected String act(HttpServletRequest request, ConsoleUser user) {
        String action = Validate.oneOf(
                "action",
                request.getParameter("action"),
                List.of(
                        "test",
                        "enable",
                        "disable",
                        "delete-channel",
                        "create-channel",
                        "ack",
                        "ack-all",
                        "create-silence",
                        "end-silence",
                        "create-rule",
                        "delete-rule"));
        switch (action) {
            case "create-channel" -> {
                Map<String, Object> config = new LinkedHashMap<>();
                request.getParameterMap().forEach((name, values) -> {
                    if (name.startsWith("config.") && values.length > 0 && !values[0].isBlank()) {
                        config.put(name.substring("config.".length()), values[0].strip());
                    }
                });
                ChannelDto c = notifications.createChannel(
                        new NewChannel(request.getParameter("type"), request.getParameter("name"), config, true),
                        user.actor());
                return done("Added channel " + c.name(), Map.of("view", "channels"));
            }
            case "test" -> {
                TestResult r =
                        notifications.testChannel(id(request), list(request.getParameter("recipients")), user.actor());
                return done(
                        "Test " + r.outcome() + (r.detail() == null ? "" : ": " + r.detail()),
                        Map.of("view", "channels"));
            }
            case "enable", "disable" -> {
                ChannelDto c = notifications.updateChannel(
                        id(request), new ChannelChange(null, null, action.equals("enable")), user.actor());
                return done((c.enabled() ? "Enabled " : "Disabled ") + c.name(), Map.of("view", "channels"));
            }
            case "delete-channel" -> {
                notifications.deleteChannel(id(request), user.actor());
                return done("Channel deleted", Map.of("view", "channels"));
            }
            case "ack" -> {
                notifications.acknowledge(id(request), user.actor());
                return done("Acknowledged", Map.of("view", "inbox"));
            }
            case "ack-all" -> {
                int n = notifications.acknowledgeAll(user.actor());
                return done("Acknowledged " + n, Map.of("view", "inbox"));
            }
            case "create-silence" -> {
                String minutes = request.getParameter("duration_minutes");
                SilenceDto s = notifications.createSilence(
                        new NewSilence(
                                request.getParameter("kind"),
                                request.getParameter("reason"),
                                ids("site_ids", request.getParameter("site_ids")),
                                list(request.getParameter("groups")),
                                list(request.getParameter("topics")),
                                null,
                                null,
                                minutes == null || minutes.isBlank()
                                        ? null
                                        : Validate.intInRange("duration_minutes", minutes, 60, 1, 525_600),
                                null),
                        user.actor());
                return done(s.kind() + " " + s.id() + " created", Map.of("view", "silences"));
            }
            case "end-silence" -> {
                notifications.expireSilence(id(request), user.actor());
                return done("Ended", Map.of("view", "silences"));
            }
            case "create-rule" -> {
                long channel = Optional.ofNullable(request.getParameter("channel_id"))
                        .map(v -> parseId(v).orElse(0L))
                        .orElse(0L);
                RuleDto r = notifications.createRule(
                        new NewRule(
                                request.getParameter("name"),
                                true,
                                null,
                                list(request.getParameter("topics")),
                                request.getParameter("min_severity"),
                                List.of(),
                                list(request.getParameter("groups")),
                                List.of(),
                                List.of(new RuleTarget(
                                        channel == 0 ? null : channel,
                                        list(request.getParameter("targets[0].recipients")))),
                                number("cooldown_minutes", request.getParameter("cooldown_minutes")),
                                number("repeat_minutes", request.getParameter("repeat_minutes")),
                                number("group_wait_seconds", request.getParameter("group_wait_seconds")),
                                "true".equals(request.getParameter("is_default"))),
                        user.actor());
                return done("Added rule " + r.name(), Map.of("view", "rules"));
            }
            default -> {
                notifications.deleteRule(id(request), user.actor());
                return done("Rule deleted", Map.of("view", "rules"));
            }
        }
    }

    private static long id(HttpServletRequest request) {
        return parseId(request.getParameter("id")).orElseThrow(() -> new InvalidInputException("id", "id is missing"));
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
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

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static List<Long> ids(String field, String text) {
        return list(text).stream()
                .map(t -> parseId(t)
                        .orElseThrow(() ->
                                new InvalidInputException(field, field + " must be site ids separated by commas")))
                .toList();
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void input(
            HttpServletRequest request,
            PrintWriter out,
            String name,
            String label,
            String value,
            String hint,
            String type) {
        out.println("<label for=\"" + Html.esc(name) + "\">" + Html.esc(label) + "</label><div><input type=\"" + type
                + "\" id=\"" + Html.esc(name) + "\" name=\"" + Html.esc(name) + "\" value=\"" + Html.esc(value)
                + "\" placeholder=\"" + Html.esc(hint) + "\">" + fieldError(request, name) + "</div>");
    }

    private static void detail(PrintWriter out, String label, String value) {
        out.println("<tr><th>" + Html.esc(label) + "</th><td>" + Html.esc(value) + "</td></tr>");
    }

    /** A delivery or attempt status as a badge. */
    static String status(String status) {
        if (status == null) {
            return Html.badge("never", "muted");
        }
        return Html.badge(
                status,
                switch (status) {
                    case "delivered" -> "ok";
                    case "failed" -> "bad";
                    case "retrying", "retry", "pending" -> "warn";
                    case "suppressed" -> "muted";
                    default -> "info";
                });
    }

    static String severityKind(String severity) {
        return switch (severity) {
            case "critical" -> "bad";
            case "warning" -> "warn";
            default -> "info";
        };
    }
}
