package org.sitekeeper.sites.internal.console;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
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
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.sites.api.NewSite;
import org.sitekeeper.sites.api.SiteChanges;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.api.SiteStatus;
import org.sitekeeper.sites.internal.rest.SitesResource;

/**
 * {@code /system/console/sites}: the site list with filters and status badges, a site's details, and the add
 * and edit forms for ops and admins.
 */
@Component(
        service = Servlet.class,
        property = {
            "felix.webconsole.label=sites",
            "felix.webconsole.title=Sites",
            "felix.webconsole.category=" + ConsolePage.CATEGORY
        })
public final class SitesPage extends ConsolePage {

    private static final long serialVersionUID = 1L;
    private final transient SiteService sites;

    @Activate
    public SitesPage(@Reference ConsoleSupport support, @Reference SiteService sites) {
        super(support);
        this.sites = sites;
    }

    @Override
    protected void render(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        String id = request.getParameter("id");
        if (id != null && !id.isBlank()) {
            details(request, user, out, id);
            return;
        }
        list(request, user, out);
        if (user.canOperate()) {
            addForm(request, out);
        }
    }

    private void list(HttpServletRequest request, ConsoleUser user, PrintWriter out) {
        String status = request.getParameter("status");
        String group = request.getParameter("group");
        String tag = request.getParameter("tag");
        String text = request.getParameter("q");
        out.println("<h2>Sites</h2>");
        out.println("<form class=\"sk-inline\" method=\"get\" id=\"sk-filter\">");
        out.println("<input type=\"text\" name=\"q\" placeholder=\"name or URL\" value=\"" + Html.esc(text) + "\">");
        out.println("<select name=\"status\"><option value=\"\">any status</option>");
        for (SiteStatus s : SiteStatus.values()) {
            out.println(
                    "<option" + (s.wireName().equals(status) ? " selected" : "") + ">" + s.wireName() + "</option>");
        }
        out.println("</select>");
        out.println("<input type=\"text\" name=\"group\" placeholder=\"group\" value=\"" + Html.esc(group) + "\">");
        out.println("<input type=\"text\" name=\"tag\" placeholder=\"tag\" value=\"" + Html.esc(tag) + "\">");
        out.println("<button type=\"submit\">Filter</button></form>");
        Page<SiteDto> page;
        try {
            page = sites.list(SitesResource.query(
                    status, group, tag, text, null, PageRequest.parse(null, request.getParameter("cursor"))));
        } catch (SitekeeperException e) {
            out.println("<div class=\"sk-notice sk-bad\">" + Html.esc(e.getMessage()) + "</div>");
            return;
        }
        out.println("<p class=\"sk-dim\">" + page.total() + " sites match.</p>");
        out.println("<table class=\"sk-table\" id=\"sk-sites\"><tr><th>Name</th><th>URL</th><th>Status</th>"
                + "<th>Group</th><th>Tags</th><th>Owner</th><th>Last seen</th></tr>");
        Instant now = Instant.now();
        for (SiteDto site : page.items()) {
            out.println("<tr data-site-id=\"" + site.id() + "\"><td><a href=\"?id=" + site.id() + "\">"
                    + Html.esc(site.name()) + "</a></td><td><a href=\"" + Html.esc(site.url())
                    + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + Html.esc(site.url()) + "</a></td><td>"
                    + badge(site.status()) + "</td><td>" + Html.esc(site.group()) + "</td><td>"
                    + Html.esc(String.join(", ", site.tags())) + "</td><td>" + Html.esc(site.owner()) + "</td><td>"
                    + Html.esc(Format.ago(site.lastSeenAt(), now)) + "</td></tr>");
        }
        out.println("</table>");
        if (page.nextCursor() != null) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("q", text);
            next.put("status", status);
            next.put("group", group);
            next.put("tag", tag);
            next.put("cursor", page.nextCursor());
            out.println("<p><a href=\"" + Html.esc(Html.link("", next)) + "\">Next page</a></p>");
        }
    }

    private void addForm(HttpServletRequest request, PrintWriter out) {
        boolean retry = "create".equals(request.getParameter("action"));
        out.println("<h2>Add a site</h2>");
        out.println("<form class=\"sk-form\" method=\"post\" id=\"sk-add\">" + support.csrfField(request));
        out.println("<input type=\"hidden\" name=\"action\" value=\"create\">");
        input(request, out, "url", "URL", retry ? request.getParameter("url") : "", "https://example.com");
        input(request, out, "name", "Name", retry ? request.getParameter("name") : "", "defaults to the host");
        input(request, out, "group", "Group", retry ? request.getParameter("group") : "", "");
        input(request, out, "tags", "Tags", retry ? request.getParameter("tags") : "", "comma-separated");
        textarea(request, out, "notes", "Notes", retry ? request.getParameter("notes") : "");
        out.println("<span></span><div><button type=\"submit\">Add site</button></div></form>");
    }

    private void details(HttpServletRequest request, ConsoleUser user, PrintWriter out, String rawId) {
        Optional<SiteDto> found = parseId(rawId).flatMap(sites::find);
        if (found.isEmpty()) {
            out.println("<div class=\"sk-notice sk-bad\">No site " + Html.esc(rawId) + ".</div>");
            out.println("<p><a href=\"sites\">All sites</a></p>");
            return;
        }
        SiteDto site = found.get();
        Instant now = Instant.now();
        out.println("<p><a href=\"sites\">← All sites</a></p>");
        out.println("<h2>" + Html.esc(site.name()) + " " + badge(site.status()) + "</h2>");
        out.println("<table class=\"sk-table\" id=\"sk-site\">");
        detail(out, "URL", Html.esc(site.url()));
        detail(out, "Group", Html.esc(site.group()));
        detail(out, "Tags", Html.esc(String.join(", ", site.tags())));
        detail(out, "Owner", Html.esc(site.owner()));
        detail(out, "Last seen", Html.esc(Format.ago(site.lastSeenAt(), now)));
        detail(out, "Created", Html.esc(Format.instant(site.createdAt())));
        detail(out, "Updated", Html.esc(Format.instant(site.updatedAt())));
        detail(out, "Notes", "<pre>" + Html.esc(site.notes()) + "</pre>");
        out.println("</table>");
        if (!user.canOperate()) {
            return;
        }
        boolean retry = "update".equals(request.getParameter("action"));
        out.println("<h2>Edit</h2>");
        out.println("<form class=\"sk-form\" method=\"post\" id=\"sk-edit\">" + support.csrfField(request));
        out.println("<input type=\"hidden\" name=\"action\" value=\"update\">");
        out.println("<input type=\"hidden\" name=\"id\" value=\"" + site.id() + "\">");
        input(request, out, "url", "URL", retry ? request.getParameter("url") : site.url(), "");
        input(request, out, "name", "Name", retry ? request.getParameter("name") : site.name(), "");
        input(request, out, "group", "Group", retry ? request.getParameter("group") : site.group(), "");
        input(request, out, "tags", "Tags", retry ? request.getParameter("tags") : String.join(", ", site.tags()), "");
        out.println("<label for=\"status\">Status</label><div><select id=\"status\" name=\"status\">");
        for (SiteStatus s : SiteStatus.values()) {
            out.println("<option" + (s == site.status() ? " selected" : "") + ">" + s.wireName() + "</option>");
        }
        out.println("</select>" + fieldError(request, "status") + "</div>");
        textarea(request, out, "notes", "Notes", retry ? request.getParameter("notes") : site.notes());
        out.println("<span></span><div><button type=\"submit\">Save</button></div></form>");
        out.println("<h2>Remove</h2><form class=\"sk-inline\" method=\"post\" id=\"sk-remove\">"
                + support.csrfField(request) + "<input type=\"hidden\" name=\"id\" value=\"" + site.id() + "\">"
                + "<button type=\"submit\" name=\"action\" value=\"disconnect\" class=\"sk-danger\">Disconnect"
                + " (keep history)</button><button type=\"submit\" name=\"action\" value=\"purge\" class=\"sk-danger\""
                + " onclick=\"return confirm('Remove this site and all its history?')\">Remove with history"
                + "</button></form>");
    }

    @Override
    protected String act(HttpServletRequest request, ConsoleUser user) {
        String action = Validate.oneOf(
                "action", request.getParameter("action"), List.of("create", "update", "disconnect", "purge"));
        if (action.equals("create")) {
            SiteDto site = sites.create(
                    new NewSite(
                            request.getParameter("url"),
                            request.getParameter("name"),
                            request.getParameter("group"),
                            tags(request.getParameter("tags")),
                            null,
                            request.getParameter("notes"),
                            null),
                    user.actor());
            return done("Added " + site.url(), Map.of("id", site.id()));
        }
        long id = parseId(request.getParameter("id"))
                .orElseThrow(() -> new InvalidInputException("id", "id must be a site id"));
        switch (action) {
            case "update" -> {
                SiteDto current = sites.find(id).orElseThrow(() -> NotFoundException.of("site", id));
                SiteChanges changes = changes(request, current);
                if (changes.isEmpty()) {
                    return done("Nothing changed", Map.of("id", id));
                }
                sites.update(id, changes, user.actor());
                return done("Saved", Map.of("id", id));
            }
            case "disconnect" -> {
                sites.disconnect(id, user.actor());
                return done("Disconnected site " + id + "; its history is kept", Map.of("id", id));
            }
            default -> {
                sites.purge(id, user.actor());
                return done("Removed site " + id + " and its history");
            }
        }
    }

    /** Only the fields the form changed, so the audit log and events name what really changed. */
    private static SiteChanges changes(HttpServletRequest request, SiteDto current) {
        SiteChanges changes = new SiteChanges();
        changedText(changes, SiteChanges.URL, request.getParameter("url"), current.url());
        changedText(changes, SiteChanges.NAME, request.getParameter("name"), current.name());
        changedText(changes, SiteChanges.GROUP, request.getParameter("group"), current.group());
        changedText(
                changes,
                SiteChanges.STATUS,
                request.getParameter("status"),
                current.status().wireName());
        changedText(changes, SiteChanges.NOTES, request.getParameter("notes"), current.notes());
        List<String> tags = tags(request.getParameter("tags"));
        if (!tags.equals(current.tags())) {
            changes.with(SiteChanges.TAGS, tags);
        }
        return changes;
    }

    private static void changedText(SiteChanges changes, String field, String submitted, String current) {
        String value = submitted == null || submitted.isBlank() ? null : submitted.strip();
        String before = current == null || current.isBlank() ? null : current.strip();
        if (!java.util.Objects.equals(value, before)) {
            changes.with(field, value);
        }
    }

    private static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static void input(
            HttpServletRequest request, PrintWriter out, String name, String label, String value, String hint) {
        out.println("<label for=\"" + name + "\">" + label + "</label><div><input type=\"text\" id=\"" + name
                + "\" name=\"" + name + "\" value=\"" + Html.esc(value) + "\" placeholder=\"" + Html.esc(hint) + "\">"
                + fieldError(request, name) + "</div>");
    }

    private static void textarea(HttpServletRequest request, PrintWriter out, String name, String label, String value) {
        out.println("<label for=\"" + name + "\">" + label + "</label><div><textarea id=\"" + name + "\" name=\"" + name
                + "\">" + Html.esc(value) + "</textarea>" + fieldError(request, name) + "</div>");
    }

    private static void detail(PrintWriter out, String label, String html) {
        out.println("<tr><th>" + label + "</th><td>" + html + "</td></tr>");
    }

    static String badge(SiteStatus status) {
        return Html.badge(status.wireName(), kind(status));
    }

    static String kind(SiteStatus status) {
        return switch (status) {
            case ACTIVE -> "ok";
            case PENDING -> "info";
            case ERROR -> "bad";
            case DISCONNECTED -> "muted";
        };
    }
}
