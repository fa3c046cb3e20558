package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.sitekeeper.console.ConsoleSupport;
import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionHeartbeat;
import org.sitekeeper.telemetry.api.ConnectionService;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.Heartbeat;
import org.sitekeeper.telemetry.api.HeartbeatReply;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.IssuedConnectionToken;
import org.sitekeeper.telemetry.api.IssuedMerchantKey;
import org.sitekeeper.telemetry.api.MerchantKeyDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.NewMerchantKey;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryEvent;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;

/** In-test fakes: services answering fixed DTOs and recording calls, the console support, requests and responses. */
final class ConsoleFakes {

    static final String EVIL = "<script>alert(1)</script><img src=x onerror=\"pwn()\">'\"";
    static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");
    static final String CSRF = "csrf-token-123";

    private ConsoleFakes() {}

    static InstallationDto installation(
            String id, String merchant, String cms, String version, String latest, String status, String upgrade) {
        return new InstallationDto(
                id,
                "m-" + id,
                merchant,
                "shop@example.com",
                cms,
                "https://shop.example.com/" + id,
                version,
                latest,
                status,
                upgrade,
                2.5,
                5,
                200,
                0.5,
                NOW.minusSeconds(180),
                "production",
                "php",
                "8.1.0",
                "6.4",
                Map.of("server_software", "Apache/2.4.56"),
                42,
                NOW.minusSeconds(86_400L * 30));
    }

    static StatsOverview stats() {
        return new StatsOverview(
                1234,
                45,
                2,
                8,
                12,
                15,
                1289,
                1.23,
                3.49,
                List.of(
                        new StatsOverview.CmsCount("prestashop", 300),
                        new StatsOverview.CmsCount("woocommerce", 800),
                        new StatsOverview.CmsCount("shopify", 134)));
    }

    static UpgradeNoticeDto notice(String id, String channel, String status) {
        return new UpgradeNoticeDto(
                id,
                "i1",
                "m-i1",
                "woocommerce",
                "1.2.0",
                "1.3.5",
                "minor",
                channel,
                "normal",
                status,
                "detail of " + channel,
                null,
                "olivia",
                NOW.minusSeconds(60),
                null,
                null);
    }

    /** A TelemetryService answering fixed DTOs and recording what was asked. */
    static final class FakeTelemetry implements TelemetryService {

        final List<InstallationDto> installations = new ArrayList<>();
        final List<VersionDto> versions = new ArrayList<>();
        final List<EventDto> events = new ArrayList<>();
        final List<ToggleDto> toggles = new ArrayList<>();
        final List<UpgradeNoticeDto> notices = new ArrayList<>();
        StatsOverview stats = stats();
        InstallationQuery lastQuery;
        final List<String> calls = new ArrayList<>();
        ToggleChange lastToggle;
        String lastChannel = "unset";
        Actor lastActor;

        @Override
        public HeartbeatReply heartbeat(String apiKey, Heartbeat heartbeat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void event(String apiKey, TelemetryEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UpgradeNoticeDto acknowledgeAsMerchant(String apiKey, String noticeId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<InstallationDto> list(InstallationQuery query) {
            lastQuery = query;
            List<InstallationDto> matching = installations.stream()
                    .filter(i -> query.status() == null || query.status().equals(i.status()))
                    .filter(i -> query.cms() == null || query.cms().equals(i.cms()))
                    .toList();
            int from = Math.min(query.offset(), matching.size());
            int to = Math.min(matching.size(), from + query.limit());
            return new Page<>(
                    matching.subList(from, to), matching.size(), to < matching.size() ? Integer.toString(to) : null);
        }

        @Override
        public Optional<InstallationDetail> find(String id) {
            return installations.stream()
                    .filter(i -> i.id().equals(id))
                    .findFirst()
                    .map(i -> new InstallationDetail(
                            i,
                            events,
                            toggles.stream().filter(ToggleDto::active).toList(),
                            notices));
        }

        @Override
        public List<EventDto> events(String id, int limit) {
            return events;
        }

        @Override
        public ToggleDto setToggle(String id, ToggleChange change, Actor actor) {
            calls.add("toggle " + id);
            lastToggle = change;
            lastActor = actor;
            return new ToggleDto(
                    7,
                    id,
                    change.toggleKey(),
                    change.toggleValue(),
                    change.reason(),
                    null,
                    actor.name(),
                    null,
                    NOW,
                    true);
        }

        @Override
        public List<ToggleDto> toggles(String id) {
            return toggles;
        }

        @Override
        public List<UpgradeNoticeDto> notifyUpgrade(String id, String channel, Actor actor) {
            calls.add("notify " + id);
            lastChannel = channel;
            lastActor = actor;
            if (id.equals("latest")) {
                throw new ConflictException("plugin_version", "the installation is on the latest version");
            }
            return List.of(
                    ConsoleFakes.notice("n1", "email", "queued"), ConsoleFakes.notice("n2", "in-app", "pending"));
        }

        @Override
        public List<UpgradeNoticeDto> notices(String installationId) {
            return notices;
        }

        @Override
        public Optional<UpgradeNoticeDto> notice(String noticeId) {
            return Optional.empty();
        }

        @Override
        public UpgradeNoticeDto acknowledge(String noticeId, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StatsOverview overview() {
            return stats;
        }

        @Override
        public VersionDto registerVersion(NewVersion version, Actor actor) {
            calls.add("register " + version.cms() + " " + version.version() + " latest=" + version.isLatest());
            lastActor = actor;
            return new VersionDto(
                    version.cms(),
                    version.version(),
                    Boolean.TRUE.equals(version.isLatest()),
                    Boolean.TRUE.equals(version.isSecurity()),
                    version.releaseNotes(),
                    null,
                    Boolean.TRUE.equals(version.isLatest()),
                    0,
                    NOW);
        }

        @Override
        public List<VersionDto> versions(String cms) {
            return versions.stream()
                    .filter(v -> cms == null || cms.equals(v.cms()))
                    .toList();
        }

        @Override
        public void removeVersion(String cms, String version, Actor actor) {
            calls.add("remove " + cms + " " + version);
            lastActor = actor;
        }

        @Override
        public IssuedMerchantKey createKey(NewMerchantKey key, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MerchantKeyDto> keys(String merchantId) {
            return List.of();
        }

        @Override
        public void revokeKey(String keyId, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MonitoringRun runHourly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MonitoringRun runDaily() {
            throw new UnsupportedOperationException();
        }
    }

    static ConnectionDto connection(String id, String name, String status, Instant lastActivity) {
        boolean seen = lastActivity != null;
        return new ConnectionDto(
                id,
                name,
                "bot_ab12…", // as the service hands it over
                status,
                "connected".equals(status),
                seen ? "https://blog.example.com" : null,
                seen ? "1.1.0" : null,
                seen ? "6.3.1" : null,
                seen ? Boolean.TRUE : null,
                lastActivity,
                org.sitekeeper.telemetry.internal.domain.TimeAgo.format(lastActivity, NOW), // as the service does
                seen ? 12 : 0,
                "olivia",
                NOW.minusSeconds(86_400),
                "revoked".equals(status) ? NOW.minusSeconds(3600) : null);
    }

    /** A ConnectionService answering fixed connections and recording revocations. */
    static final class FakeConnections implements ConnectionService {

        final List<ConnectionDto> connections = new ArrayList<>();
        final List<String> revoked = new ArrayList<>();

        @Override
        public void heartbeat(String botToken, ConnectionHeartbeat heartbeat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedConnectionToken createToken(String name, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ConnectionDto> connections() {
            return connections;
        }

        @Override
        public Optional<ConnectionDto> connection(String id) {
            return connections.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public void revokeToken(String id, Actor actor) {
            if (connection(id).isEmpty()) {
                throw NotFoundException.of("connection", id);
            }
            revoked.add(id + " by " + actor.name() + " via " + actor.channel());
        }
    }

    /** The console support of a logged-in user, with a fixed CSRF token. */
    static final class FakeSupport implements ConsoleSupport {

        ConsoleUser user = new ConsoleUser("olivia", Role.OPS, "192.0.2.1");

        @Override
        public ConsoleUser user(HttpServletRequest request) {
            return user;
        }

        @Override
        public String csrfField(HttpServletRequest request) {
            return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + CSRF + "\">";
        }

        @Override
        public void checkForm(HttpServletRequest request) {
            if (!CSRF.equals(request.getParameter(CSRF_FIELD))) {
                throw new ForbiddenException("the form has expired; reload the page and try again");
            }
        }

        @Override
        public String style() {
            return "<style></style>";
        }
    }

    /** What a page answered: its HTML (GET) or where it redirected (POST). */
    record Answer(String body, String redirect) {}

    static Answer get(HttpServlet page, String uri, Map<String, String> parameters) throws Exception {
        return call(page, "GET", uri, parameters);
    }

    static Answer post(HttpServlet page, String uri, Map<String, String> parameters) throws Exception {
        return call(page, "POST", uri, parameters);
    }

    private static Answer call(HttpServlet page, String method, String uri, Map<String, String> parameters)
            throws Exception {
        Map<String, String> params = new LinkedHashMap<>(parameters);
        Map<String, String[]> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, new String[] {v}));
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                ConsoleFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getParameter" -> params.get((String) args[0]);
                    case "getParameterMap" -> multi;
                    case "getHeader" -> null;
                    case "getAttribute" -> null;
                    case "getRequestURI" -> uri;
                    case "getContextPath", "getServletPath" -> "";
                    case "getPathInfo" -> null;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request " + uri;
                    default -> throw new IllegalStateException("not faked: " + m.getName());
                });
        StringWriter body = new StringWriter();
        PrintWriter writer = new PrintWriter(body);
        Map<String, String> state = new HashMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                ConsoleFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getWriter" -> writer;
                    case "setContentType", "setHeader", "setCharacterEncoding" -> null;
                    case "sendRedirect" -> state.put("redirect", (String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "response";
                    default -> throw new IllegalStateException("not faked: " + m.getName());
                });
        page.service(request, response);
        writer.flush();
        return new Answer(body.toString(), state.get("redirect"));
    }
}
