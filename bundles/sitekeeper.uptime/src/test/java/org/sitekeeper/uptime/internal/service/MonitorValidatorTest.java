package org.sitekeeper.uptime.internal.service;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.internal.egress.EgressPolicyImpl;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.MonitorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The validator over the hub's real egress policy ({@link EgressPolicyImpl}, configured as Configuration Admin would,
 * resolving with the JVM's own resolver): SSRF targets in every spelling are refused as {@code url}.
 */
class MonitorValidatorTest {

    private static final MonitorValidator.Defaults DEFAULTS = new MonitorValidator.Defaults(300, 10, 2, 1);
    private static final String PUBLIC = "93.184.216.34";

    /** {@link EgressPolicyImpl.Config} with chosen values (as core's own tests build it). */
    private static final class EgressConfig implements EgressPolicyImpl.Config {
        private final String allowedNetworks;

        EgressConfig(String allowedNetworks) {
            this.allowedNetworks = allowedNetworks;
        }

        @Override
        public String allowed__networks() {
            return allowedNetworks;
        }

        @Override
        public String denied__networks() {
            return "";
        }

        @Override
        public String allowed__schemes() {
            return "http,https";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return EgressPolicyImpl.Config.class;
        }
    }

    private static final EgressPolicyImpl POLICY = new EgressPolicyImpl(new EgressConfig(""));
    private static final MonitorValidator VALIDATOR = new MonitorValidator(POLICY);
    private static final MonitorValidator LOCAL_ALLOWED =
            new MonitorValidator(new EgressPolicyImpl(new EgressConfig("127.0.0.0/8")));

    /** A spec built field by field. */
    private static final class Spec {
        String name;
        String type;
        String url;
        Long siteId;
        String method;
        String expectedStatus;
        String keyword;
        Boolean keywordAbsent;
        Map<String, String> headers;
        Boolean followRedirects;
        Integer maxResponseMs;
        Integer timeoutSeconds;
        Integer intervalSeconds;
        Integer failuresToDown;
        Integer successesToUp;
        Boolean ignoreTls;
        Boolean enabled;

        Spec(String type, String url) {
            this.type = type;
            this.url = url;
        }

        MonitorSpec build() {
            return new MonitorSpec(
                    name,
                    type,
                    url,
                    siteId,
                    method,
                    expectedStatus,
                    keyword,
                    keywordAbsent,
                    headers,
                    followRedirects,
                    maxResponseMs,
                    timeoutSeconds,
                    intervalSeconds,
                    failuresToDown,
                    successesToUp,
                    ignoreTls,
                    enabled);
        }
    }

    private static Spec http(String url) {
        return new Spec(null, url);
    }

    private static Spec change() {
        return new Spec(null, null);
    }

    private static MonitorValidator.Valid create(Spec s) {
        return VALIDATOR.create(s.build(), DEFAULTS);
    }

    private static void assertRefused(Spec s, String field) {
        assertThatThrownBy(() -> create(s))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertRefusedUrl(String type, String url) {
        assertThatThrownBy(() -> VALIDATOR.create(MonitorSpec.of(type, url), DEFAULTS))
                .as(url)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void aNewHttpMonitorGetsItsDefaults() {
        MonitorValidator.Valid v = VALIDATOR.create(MonitorSpec.of(null, "https://" + PUBLIC + "/health"), DEFAULTS);

        assertThat(v.type()).isEqualTo(MonitorType.HTTP);
        assertThat(v.url()).isEqualTo("https://" + PUBLIC + "/health");
        assertThat(v.host()).isEqualTo(PUBLIC);
        assertThat(v.name()).isEqualTo(PUBLIC);
        assertThat(v.siteId()).isNull();
        assertThat(v.method()).isEqualTo("GET");
        assertThat(v.expectedStatus()).isEqualTo("200-399");
        assertThat(v.keyword()).isNull();
        assertThat(v.keywordAbsent()).isFalse();
        assertThat(v.headers()).isEmpty();
        assertThat(v.followRedirects()).isTrue();
        assertThat(v.maxResponseMs()).isZero();
        assertThat(v.timeoutSeconds()).isEqualTo(10);
        assertThat(v.intervalSeconds()).isEqualTo(300);
        assertThat(v.failuresToDown()).isEqualTo(2);
        assertThat(v.successesToUp()).isEqualTo(1);
        assertThat(v.ignoreTls()).isFalse();
        assertThat(v.enabled()).isTrue();
    }

    @Test
    void aHostNameThatDoesNotResolveYetIsAcceptedAndLowerCased() {
        // the policy checks the address again when the hub connects
        MonitorValidator.Valid v =
                VALIDATOR.create(MonitorSpec.of("http", "  https://Shop.Example.INVALID/  "), DEFAULTS);

        assertThat(v.host()).isEqualTo("shop.example.invalid");
        assertThat(v.url()).isEqualTo("https://Shop.Example.INVALID/");
    }

    @Test
    void everySettingIsKept() {
        Spec s = http("http://" + PUBLIC + ":8080/x?y=1");
        s.name = "  Shop  ";
        s.siteId = 12L;
        s.method = "post";
        s.expectedStatus = " 200 - 299 , 401 ";
        s.keyword = "Welcome";
        s.keywordAbsent = false;
        s.headers = Map.of("Authorization", "Bearer abc", "X-Trace", "");
        s.followRedirects = false;
        s.maxResponseMs = 2000;
        s.timeoutSeconds = 29;
        s.intervalSeconds = 30;
        s.failuresToDown = 10;
        s.successesToUp = 10;
        s.ignoreTls = true;
        s.enabled = false;

        MonitorValidator.Valid v = create(s);

        assertThat(v.name()).isEqualTo("Shop");
        assertThat(v.siteId()).isEqualTo(12L);
        assertThat(v.method()).isEqualTo("POST");
        assertThat(v.expectedStatus()).isEqualTo("200-299,401");
        assertThat(v.keyword()).isEqualTo("Welcome");
        assertThat(v.headers())
                .containsExactlyInAnyOrderEntriesOf(Map.of("Authorization", "Bearer abc", "X-Trace", ""));
        assertThat(v.followRedirects()).isFalse();
        assertThat(v.maxResponseMs()).isEqualTo(2000);
        assertThat(v.timeoutSeconds()).isEqualTo(29);
        assertThat(v.intervalSeconds()).isEqualTo(30);
        assertThat(v.failuresToDown()).isEqualTo(10);
        assertThat(v.successesToUp()).isEqualTo(10);
        assertThat(v.ignoreTls()).isTrue();
        assertThat(v.enabled()).isFalse();
        assertThat(v.url()).isEqualTo("http://" + PUBLIC + ":8080/x?y=1");
    }

    // ---------------------------------------------------------------- SSRF

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://127.0.0.1:8080/admin",
                "https://127.8.9.10/",
                "http://localhost/",
                "http://LOCALHOST/",
                "http://0/",
                "http://[::127.0.0.1]/",
                "http://[::ffff:a9fe:a9fe]/",
                "http://localhost:8181/system/console",
                "http://[::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/",
                "http://[0:0:0:0:0:ffff:7f00:1]/",
                "http://[64:ff9b::7f00:1]/",
                "http://[2002:7f00:1::]/",
                "http://169.254.169.254/",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://[::ffff:169.254.169.254]/",
                "http://10.0.0.1/",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://[::]/",
                "http://[fd00::1]/",
                "http://[fc00::1]/",
                "http://[fe80::1]/",
                "http://224.0.0.1/",
                "HTTP://127.0.0.1/"
            })
    void internalTargetsAreRefusedAsUrl(String url) {
        assertRefusedUrl(null, url);
        assertRefusedUrl("http", url);
    }

    @Test
    void theDecimalFormOfLoopbackIsRefused() {
        // Java reads the host 2130706433 as the number of 127.0.0.1; the policy checks what it really is
        assertRefusedUrl("http", "http://2130706433/");
    }

    @Test
    void theHexFormOfLoopbackIsRefused() {
        // java.net.URI sees no host in "0x7f.0.0.1" (a label that starts with a digit must end an IPv4 literal),
        // and a URL without a host is refused
        assertRefusedUrl("http", "http://0x7f.0.0.1/");
        assertRefusedUrl("http", "http://127.1/");
    }

    @Test
    void octalLookingFormsAreRefusedWhateverTheyMean() {
        // Java reads "0177.0.0.1" as 177.0.0.1, curl and browsers as 127.0.0.1: the policy refuses the ambiguity
        assertRefusedUrl("http", "http://0177.0.0.1/");
        assertRefusedUrl("http", "http://0177.0000.0.01/");
        assertRefusedUrl("tcp", "tcp://0177.0.0.1:22");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tcp://127.0.0.1:22",
                "127.0.0.1:22",
                "10.0.0.1:22",
                "tcp://10.0.0.1:22",
                "tcp://localhost:5432",
                "tcp://[::1]:22",
                "tcp://[::ffff:127.0.0.1]:22",
                "tcp://169.254.169.254:80",
                "tcp://192.168.1.1:3306",
                "tcp://[fd00::1]:22",
                "tcp://2130706433:22"
            })
    void internalTcpTargetsAreRefusedAsUrl(String url) {
        assertRefusedUrl("tcp", url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://user:secret@" + PUBLIC + "/",
                "https://user@" + PUBLIC + "/",
                "https://:pw@" + PUBLIC + "/",
                "http://admin:admin@127.0.0.1/",
                "tcp://user@" + PUBLIC + ":22"
            })
    void urlsCarryingCredentialsAreRefused(String url) {
        assertRefusedUrl(null, url);
    }

    @Test
    void allowedNetworksLetLocalTargetsThrough() {
        MonitorValidator.Valid http =
                LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://127.0.0.1:8080/health"), DEFAULTS);
        MonitorValidator.Valid mapped =
                LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://[::ffff:127.0.0.1]/"), DEFAULTS);
        MonitorValidator.Valid tcp = LOCAL_ALLOWED.create(MonitorSpec.of("tcp", "127.0.0.1:5432"), DEFAULTS);

        assertThat(http.url()).isEqualTo("http://127.0.0.1:8080/health");
        assertThat(http.host()).isEqualTo("127.0.0.1");
        assertThat(mapped.host()).isEqualTo("[::ffff:127.0.0.1]");
        assertThat(tcp.url()).isEqualTo("tcp://127.0.0.1:5432");
        assertThat(tcp.type()).isEqualTo(MonitorType.TCP);

        // only what is allowed
        assertThatThrownBy(() -> LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://10.0.0.1/"), DEFAULTS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThatThrownBy(() -> LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://169.254.169.254/"), DEFAULTS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThatThrownBy(() -> LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://[::1]/"), DEFAULTS))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    // ---------------------------------------------------------------- url shape

    @Test
    void aMissingOrBlankUrlIsRequired() {
        assertThatThrownBy(() -> VALIDATOR.create(MonitorSpec.of("http", null), DEFAULTS))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.code()).isEqualTo(InvalidInputException.MISSING_FIELD);
                });
        assertRefusedUrl("http", "   ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://" + PUBLIC + "/",
                "file:///etc/passwd",
                "gopher://" + PUBLIC + "/",
                "//" + PUBLIC + "/",
                "http:///nohost",
                "http://exa mple.com/",
                "tcp://" + PUBLIC + ":22"
            })
    void httpMonitorsNeedAnHttpUrlWithAHost(String url) {
        assertRefusedUrl("http", url);
    }

    @Test
    void aTooLongUrlIsRefused() {
        assertRefusedUrl("http", "https://" + PUBLIC + "/" + "a".repeat(2048));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tcp://" + PUBLIC,
                "tcp://" + PUBLIC + ":0",
                "tcp://" + PUBLIC + ":65536",
                "tcp://" + PUBLIC + ":22/path",
                "tcp://" + PUBLIC + ":22?x=1",
                "tcp://:22",
                PUBLIC
            })
    void tcpMonitorsNeedAHostAndAPort(String url) {
        assertRefusedUrl("tcp", url);
    }

    @Test
    void tcpUrlsAreNormalised() {
        assertThat(VALIDATOR
                        .create(MonitorSpec.of("tcp", PUBLIC + ":22"), DEFAULTS)
                        .url())
                .isEqualTo("tcp://" + PUBLIC + ":22");
        assertThat(VALIDATOR
                        .create(MonitorSpec.of("tcp", "TCP://" + PUBLIC + ":443/"), DEFAULTS)
                        .url())
                .isEqualTo("tcp://" + PUBLIC + ":443");
        MonitorValidator.Valid v6 = VALIDATOR.create(MonitorSpec.of("tcp", "tcp://[2606:2800:220:1::1]:443"), DEFAULTS);
        assertThat(v6.url()).isEqualTo("tcp://[2606:2800:220:1::1]:443");
        assertThat(v6.type()).isEqualTo(MonitorType.TCP);
        // the type follows the scheme when none is given
        assertThat(VALIDATOR
                        .create(MonitorSpec.of(null, "tcp://" + PUBLIC + ":25"), DEFAULTS)
                        .type())
                .isEqualTo(MonitorType.TCP);
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertRefused(new Spec("udp", "udp://" + PUBLIC + ":53"), "type");
    }

    // ---------------------------------------------------------------- other fields

    @Test
    void onlyGetHeadAndPost() {
        for (String m : List.of("DELETE", "PUT", "OPTIONS", "CONNECT", "TRACE", "")) {
            Spec s = http("https://" + PUBLIC + "/");
            s.method = m;
            assertRefused(s, "method");
        }
        Spec head = http("https://" + PUBLIC + "/");
        head.method = "head";
        assertThat(create(head).method()).isEqualTo("HEAD");
    }

    @Test
    void expectedStatusMustParse() {
        for (String st : List.of("", "abc", "99", "600", "300-200", "200,,300")) {
            Spec s = http("https://" + PUBLIC + "/");
            s.expectedStatus = st;
            assertRefused(s, "expected_status");
        }
    }

    @Test
    void keywordRules() {
        Spec absentWithout = http("https://" + PUBLIC + "/");
        absentWithout.keywordAbsent = true;
        assertRefused(absentWithout, "keyword_absent");

        Spec emptyKeywordAbsent = http("https://" + PUBLIC + "/");
        emptyKeywordAbsent.keyword = "";
        emptyKeywordAbsent.keywordAbsent = true;
        assertRefused(emptyKeywordAbsent, "keyword_absent");

        Spec absent = http("https://" + PUBLIC + "/");
        absent.keyword = "Error";
        absent.keywordAbsent = true;
        assertThat(create(absent).keywordAbsent()).isTrue();
        assertThat(create(absent).keyword()).isEqualTo("Error");

        Spec empty = http("https://" + PUBLIC + "/");
        empty.keyword = "";
        assertThat(create(empty).keyword()).isNull();

        Spec twoLines = http("https://" + PUBLIC + "/");
        twoLines.keyword = "a\nb";
        assertRefused(twoLines, "keyword");
        twoLines.keyword = "a\rb";
        assertRefused(twoLines, "keyword");

        Spec longest = http("https://" + PUBLIC + "/");
        longest.keyword = "k".repeat(500);
        assertThat(create(longest).keyword()).hasSize(500);
        longest.keyword = "k".repeat(501);
        assertRefused(longest, "keyword");

        Spec head = http("https://" + PUBLIC + "/");
        head.method = "HEAD";
        head.keyword = "Welcome";
        assertRefused(head, "keyword");

        Spec tcp = new Spec("tcp", "tcp://" + PUBLIC + ":22");
        tcp.keyword = "SSH";
        assertRefused(tcp, "keyword");
    }

    @Test
    void headersTheCheckControlsAreReserved() {
        for (String name : List.of(
                "Host",
                "content-length",
                "Connection",
                "Transfer-Encoding",
                "Upgrade",
                "TE",
                "Trailer",
                "Keep-Alive")) {
            Spec s = http("https://" + PUBLIC + "/");
            s.headers = Map.of(name, "x");
            assertRefused(s, "headers");
        }
    }

    @Test
    void headersMustBeOneSafeLine() {
        for (String value : List.of("a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b", "v".repeat(2001))) {
            Spec s = http("https://" + PUBLIC + "/");
            s.headers = Map.of("X-Api-Key", value);
            assertRefused(s, "headers");
        }
        for (String name : List.of("Bad Name", "X-A\r\nX-B", "X:Y", "", "Ä", "n".repeat(101))) {
            Spec s = http("https://" + PUBLIC + "/");
            s.headers = Map.of(name, "v");
            assertRefused(s, "headers");
        }
        Spec longest = http("https://" + PUBLIC + "/");
        longest.headers = Map.of("X-Long", "v".repeat(2000));
        assertThat(create(longest).headers().get("X-Long")).hasSize(2000);
    }

    @Test
    void atMostTwentyHeaders() {
        Map<String, String> twenty = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            twenty.put("X-H" + i, "v");
        }
        Spec ok = http("https://" + PUBLIC + "/");
        ok.headers = twenty;
        assertThat(create(ok).headers()).hasSize(20);

        Map<String, String> more = new HashMap<>(twenty);
        more.put("X-H20", "v");
        Spec tooMany = http("https://" + PUBLIC + "/");
        tooMany.headers = more;
        assertRefused(tooMany, "headers");
    }

    @Test
    void tcpMonitorsSendNoHeaders() {
        Spec tcp = new Spec("tcp", "tcp://" + PUBLIC + ":22");
        tcp.headers = Map.of("X-A", "b");
        assertRefused(tcp, "headers");
        tcp.headers = Map.of();
        assertThat(create(tcp).headers()).isEmpty();
    }

    @Test
    void intervalBounds() {
        int[][] cases = {{29, 0}, {30, 1}, {86_400, 1}, {86_401, 0}, {0, 0}, {-1, 0}};
        for (int[] c : cases) {
            Spec s = http("https://" + PUBLIC + "/");
            s.intervalSeconds = c[0];
            s.timeoutSeconds = 5;
            if (c[1] == 1) {
                assertThat(create(s).intervalSeconds()).isEqualTo(c[0]);
            } else {
                assertRefused(s, "interval_seconds");
            }
        }
    }

    @Test
    void timeoutBounds() {
        int[][] cases = {{0, 0}, {1, 1}, {60, 1}, {61, 0}, {-5, 0}};
        for (int[] c : cases) {
            Spec s = http("https://" + PUBLIC + "/");
            s.timeoutSeconds = c[0];
            s.intervalSeconds = 300;
            if (c[1] == 1) {
                assertThat(create(s).timeoutSeconds()).isEqualTo(c[0]);
            } else {
                assertRefused(s, "timeout_seconds");
            }
        }
    }

    @Test
    void theTimeoutMustBeShorterThanTheInterval() {
        Spec s = http("https://" + PUBLIC + "/");
        s.intervalSeconds = 30;
        s.timeoutSeconds = 30;
        assertRefused(s, "timeout_seconds");
        s.timeoutSeconds = 45;
        assertRefused(s, "timeout_seconds");
        s.timeoutSeconds = 29;
        assertThat(create(s).timeoutSeconds()).isEqualTo(29);
        // the default timeout (10) against a short interval is fine; a long default would not be
        Spec d = http("https://" + PUBLIC + "/");
        d.intervalSeconds = 30;
        assertThatThrownBy(() -> VALIDATOR.create(d.build(), new MonitorValidator.Defaults(300, 30, 2, 1)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timeout_seconds"));
    }

    @Test
    void streakBoundsAndResponseLimit() {
        for (int n : new int[] {0, 11, -1}) {
            Spec f = http("https://" + PUBLIC + "/");
            f.failuresToDown = n;
            assertRefused(f, "failures_to_down");
            Spec u = http("https://" + PUBLIC + "/");
            u.successesToUp = n;
            assertRefused(u, "successes_to_up");
        }
        for (int ms : new int[] {-1, 600_001}) {
            Spec s = http("https://" + PUBLIC + "/");
            s.maxResponseMs = ms;
            assertRefused(s, "max_response_ms");
        }
        Spec s = http("https://" + PUBLIC + "/");
        s.maxResponseMs = 600_000;
        assertThat(create(s).maxResponseMs()).isEqualTo(600_000);
    }

    @Test
    void nameAndSite() {
        Spec longName = http("https://" + PUBLIC + "/");
        longName.name = "n".repeat(201);
        assertRefused(longName, "name");

        Spec twoLines = http("https://" + PUBLIC + "/");
        twoLines.name = "a\nb";
        assertRefused(twoLines, "name");

        Spec blank = http("https://" + PUBLIC + "/");
        blank.name = "   ";
        assertThat(create(blank).name()).isEqualTo(PUBLIC);

        for (long site : new long[] {0, -3}) {
            Spec s = http("https://" + PUBLIC + "/");
            s.siteId = site;
            assertRefused(s, "site_id");
        }
    }

    // ---------------------------------------------------------------- change

    private static MonitorValidator.Valid current() {
        Spec s = http("https://" + PUBLIC + "/shop");
        s.name = "Shop";
        s.siteId = 5L;
        s.method = "GET";
        s.expectedStatus = "200-299";
        s.keyword = "Welcome";
        s.headers = Map.of("Authorization", "Bearer t");
        s.followRedirects = false;
        s.maxResponseMs = 1500;
        s.timeoutSeconds = 15;
        s.intervalSeconds = 120;
        s.failuresToDown = 3;
        s.successesToUp = 2;
        s.ignoreTls = true;
        s.enabled = true;
        return create(s);
    }

    @Test
    void anEmptyChangeKeepsEverything() {
        MonitorValidator.Valid current = current();

        assertThat(VALIDATOR.change(current, change().build())).isEqualTo(current);
    }

    @Test
    void aChangeKeepsWhatItDoesNotMention() {
        MonitorValidator.Valid current = current();
        Spec c = change();
        c.intervalSeconds = 600;
        c.enabled = false;

        MonitorValidator.Valid changed = VALIDATOR.change(current, c.build());

        assertThat(changed.intervalSeconds()).isEqualTo(600);
        assertThat(changed.enabled()).isFalse();
        assertThat(changed)
                .usingRecursiveComparison()
                .ignoringFields("intervalSeconds", "enabled")
                .isEqualTo(current);
    }

    @Test
    void aChangeClearsTheKeywordAndDetachesTheSiteWithEmptyValues() {
        Spec c = change();
        c.keyword = "";
        c.siteId = 0L;
        c.headers = Map.of();

        MonitorValidator.Valid changed = VALIDATOR.change(current(), c.build());

        assertThat(changed.keyword()).isNull();
        assertThat(changed.siteId()).isNull();
        assertThat(changed.headers()).isEmpty();
        assertThat(changed.name()).isEqualTo("Shop");
    }

    @Test
    void aChangeIsValidatedAsAWhole() {
        Spec c = change();
        c.method = "HEAD"; // the kept keyword cannot be looked for in a HEAD answer
        assertThatThrownBy(() -> VALIDATOR.change(current(), c.build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("keyword"));

        Spec t = change();
        t.intervalSeconds = 30; // the kept timeout of 15 s is fine, 30 s is not
        t.timeoutSeconds = 30;
        assertThatThrownBy(() -> VALIDATOR.change(current(), t.build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timeout_seconds"));
    }

    @Test
    void aNewUrlIsCheckedByTheEgressPolicy() {
        for (String url : List.of("http://10.0.0.1/", "http://[::ffff:7f00:1]/", "http://169.254.169.254/")) {
            Spec c = change();
            c.url = url;
            assertThatThrownBy(() -> VALIDATOR.change(current(), c.build()))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                            .isEqualTo("url"));
        }
        Spec ok = change();
        ok.url = "https://198.41.0.4/status";
        MonitorValidator.Valid changed = VALIDATOR.change(current(), ok.build());
        assertThat(changed.url()).isEqualTo("https://198.41.0.4/status");
        assertThat(changed.host()).isEqualTo("198.41.0.4");
        assertThat(changed.intervalSeconds()).isEqualTo(120);
    }

    @Test
    void theKeptUrlIsCheckedAgainOnEveryChange() {
        // accepted while 127.0.0.0/8 was allowed; the policy no longer allows it: any change is refused
        MonitorValidator.Valid local =
                LOCAL_ALLOWED.create(MonitorSpec.of("http", "http://127.0.0.1:8080/health"), DEFAULTS);
        Spec c = change();
        c.intervalSeconds = 600;

        assertThatThrownBy(() -> VALIDATOR.change(local, c.build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThat(LOCAL_ALLOWED.change(local, c.build()).intervalSeconds()).isEqualTo(600);
    }

    @Test
    void aTcpMonitorChangedToAnInternalPortIsRefused() {
        MonitorValidator.Valid tcp = VALIDATOR.create(MonitorSpec.of("tcp", PUBLIC + ":22"), DEFAULTS);
        Spec c = change();
        c.url = "tcp://10.0.0.1:22";

        assertThatThrownBy(() -> VALIDATOR.change(tcp, c.build()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }
}
