package org.sitekeeper.console.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsoleSupport;
import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.core.api.security.Secrets;
import org.sitekeeper.core.api.security.StaffPrincipal;

/**
 * CSRF tokens are an HMAC (keyed from the master key) of the user and the hour: no session state, valid on
 * every node that shares the master key, good for one to two hours.
 */
@Component
public final class ConsoleSupportImpl implements ConsoleSupport {

    static final String USER_ATTRIBUTE = "org.apache.felix.webconsole.user";
    private static final long WINDOW_SECONDS = Duration.ofHours(1).toSeconds();

    private final SecretBox secrets;
    private final Clock clock;

    @Activate
    public ConsoleSupportImpl(@Reference SecretBox secrets, @Reference Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ConsoleUser user(HttpServletRequest request) {
        if (request.getAttribute(USER_ATTRIBUTE) instanceof StaffPrincipal principal) {
            return new ConsoleUser(principal.name(), principal.role(), request.getRemoteAddr());
        }
        throw new ForbiddenException("not logged in to the Sitekeeper console");
    }

    @Override
    public String csrfField(HttpServletRequest request) {
        return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\""
                + Html.esc(token(user(request).name(), window())) + "\">";
    }

    @Override
    public void checkForm(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, request)) {
            throw new ForbiddenException("the form was sent from another site");
        }
        String sent = request.getParameter(CSRF_FIELD);
        String user = user(request).name();
        long now = window();
        if (sent == null
                || !(Secrets.constantTimeEquals(sent, token(user, now))
                        || Secrets.constantTimeEquals(sent, token(user, now - 1)))) {
            throw new ForbiddenException("the form has expired; reload the page and try again");
        }
    }

    private static boolean sameHost(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private long window() {
        return clock.instant().getEpochSecond() / WINDOW_SECONDS;
    }

    private String token(String user, long window) {
        return secrets.mac("console.csrf", user + "|" + window);
    }

    @Override
    public String style() {
        return STYLE;
    }

    static final String STYLE =
            """
            <style>
            .sk{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;max-width:1200px}
            .sk h2{font-size:17px;margin:18px 0 8px}
            .sk h3{font-size:15px;margin:0 0 8px}
            .sk a{color:#0b69a3}
            .sk .sk-cards{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
            .sk .sk-card{border:1px solid #d9e2ec;border-radius:8px;padding:12px 16px;background:#fff;min-width:240px}
            .sk .sk-big{font-size:26px;font-weight:700}
            .sk .sk-big .sk-badge{font-size:18px;padding:2px 14px;border-radius:14px}
            .sk table.sk-table{border-collapse:collapse;width:100%;background:#fff}
            .sk table.sk-table th,.sk table.sk-table td{border-bottom:1px solid #e4e7eb;padding:6px 8px;text-align:left;vertical-align:top}
            .sk table.sk-table th{background:#f5f7fa;font-weight:600}
            .sk .sk-badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
            .sk .sk-ok{background:#e3f9e5;color:#1f6f2b}.sk .sk-warn{background:#fff3c4;color:#8d6200}
            .sk .sk-bad{background:#ffe3e3;color:#a61b1b}.sk .sk-info{background:#dceefb;color:#0b4f8a}
            .sk .sk-muted{background:#e4e7eb;color:#52606d}
            .sk .sk-notice{padding:8px 12px;border-radius:6px;margin:8px 0}
            .sk .sk-field-error{color:#a61b1b;font-size:12px}
            .sk form.sk-form{display:grid;grid-template-columns:max-content 1fr;gap:6px 12px;align-items:center;max-width:760px}
            .sk form.sk-form label{font-weight:600}
            .sk form.sk-inline{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
            .sk input[type=text],.sk input[type=url],.sk textarea,.sk select{padding:4px 6px;border:1px solid #bcccdc;border-radius:4px;min-width:220px;font:inherit}
            .sk textarea{min-height:60px}
            .sk button{padding:4px 12px;border:1px solid #0b69a3;border-radius:4px;background:#0b69a3;color:#fff;font:inherit;cursor:pointer}
            .sk button.sk-danger{background:#fff;color:#a61b1b;border-color:#a61b1b}
            .sk .sk-chart-label,.sk .sk-chart-value{font:12px system-ui,sans-serif;fill:#334e68}
            .sk .sk-fill-ok{fill:#3ebd93}.sk .sk-fill-warn{fill:#f7c948}.sk .sk-fill-bad{fill:#ef4e4e}
            .sk .sk-fill-info{fill:#47a3f3}.sk .sk-fill-muted{fill:#9aa5b1}
            .sk .sk-line{stroke:#0b69a3;stroke-width:1.5}
            .sk .sk-dim{color:#7b8794}
            </style>""";
}
