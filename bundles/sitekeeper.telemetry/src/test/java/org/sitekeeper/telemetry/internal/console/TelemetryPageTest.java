package org.sitekeeper.telemetry.internal.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.VersionDto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.CSRF;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.EVIL;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.NOW;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.get;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.installation;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.notice;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.post;

class TelemetryPageTest {

    private static final String URI = "/system/console/telemetry";

    private final ConsoleFakes.FakeTelemetry telemetry = new ConsoleFakes.FakeTelemetry();
    private final ConsoleFakes.FakeSupport support = new ConsoleFakes.FakeSupport();
    private final TelemetryPage page = new TelemetryPage(support, telemetry, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void fleet() {
        telemetry.installations.add(
                installation("i1", "Boutique Dakar", "woocommerce", "1.2.0", "1.3.5", "outdated", "minor"));
        telemetry.installations.add(installation("i2", EVIL, "prestashop", "2.0.0", "2.0.0", "active", null));
        telemetry.installations.add(
                installation("i3", "Blocked shop", "woocommerce", "1.3.5", "1.3.5", "blocked", null));
        telemetry.versions.add(new VersionDto(
                "woocommerce", "1.3.5", true, true, "Fixes <b>XSS</b>", NOW.minusSeconds(86_400), true, 2, NOW));
        telemetry.versions.add(new VersionDto("woocommerce", "1.2.0", false, false, null, null, false, 1, NOW));
    }

    private void as(Role role) {
        support.user = new ConsoleUser("olivia", role, "192.0.2.1");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String decoded(String redirect) {
        return URLDecoder.decode(redirect, StandardCharsets.UTF_8);
    }

    @Test
    void dashboardHasSeedTwosStatCards() throws Exception {
        String html = get(page, URI, Map.of()).body();

        assertThat(html)
                .contains("<div class=\"sk-card\" data-stat=\"active\"><h3><a href=\"?status=active\">Active"
                        + "</a></h3><div class=\"sk-big\">1234</div></div>");
        assertThat(html)
                .contains("data-stat=\"outdated\"><h3><a href=\"?status=outdated\">Outdated</a></h3>"
                        + "<div class=\"sk-big\">45</div>");
        assertThat(html)
                .contains("data-stat=\"high-error-rate\"><h3>High Error Rate</h3><div class=\"sk-big\">12</div>");
        assertThat(html)
                .contains(
                        "data-stat=\"avg-error-rate\"><h3>Avg Error Rate</h3><div class=\"sk-big\">1.23 %" + "</div>");
        assertThat(html)
                .contains("1289 installations · 3.49 % outdated")
                .contains("2 blocked")
                .contains("8 without a heartbeat");
    }

    @Test
    void tableShowsVersionToLatestStatusBadgesAndErrorRate() throws Exception {
        String html = get(page, URI, Map.of()).body();

        assertThat(html)
                .contains("<th>Merchant</th><th>CMS</th><th>Site</th><th>Version</th><th>Status</th>"
                        + "<th>Error Rate</th>");
        assertThat(html).contains("<tr data-installation-id=\"i1\" data-status=\"outdated\">");
        assertThat(html)
                .contains("<span class=\"sk-version\" data-behind=\"true\">1.2.0 → 1.3.5</span> "
                        + "<span class=\"sk-badge sk-info\">minor</span>");
        assertThat(html)
                .contains("<span class=\"sk-version\" data-behind=\"false\">2.0.0</span> <span class=\"sk-dim\">"
                        + "up to date</span>");
        assertThat(html).contains("<span class=\"sk-badge sk-warn\">outdated</span>");
        assertThat(html).contains("<span class=\"sk-badge sk-ok\">active</span>");
        assertThat(html).contains("<span class=\"sk-badge sk-bad\">blocked</span>");
        assertThat(html).contains("<td class=\"sk-error-rate\">2.5 %</td>");
        assertThat(html).contains("<a href=\"telemetry?id=i1\">Boutique Dakar</a>");
        assertThat(html).contains("<td>3 min ago</td>");
    }

    @Test
    void merchantNamesAndStoredTextAreEscaped() throws Exception {
        String html = get(page, URI, Map.of()).body();

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>XSS");
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;pwn()&quot;&gt;"
                        + "&#39;&quot;");
        assertThat(html).contains("Fixes &lt;b&gt;XSS&lt;/b&gt;");
        assertThat(html).doesNotContainPattern(" on[a-z]+=\"").doesNotContain("style=\"");
    }

    @Test
    void cmsBreakdownIsABarChartLargestFirst() throws Exception {
        String html = get(page, URI, Map.of()).body();

        String chart = html.substring(html.indexOf("<div id=\"sk-cms-chart\">"));
        chart = chart.substring(0, chart.indexOf("</svg>"));
        assertThat(count(chart, "<rect ")).isEqualTo(3);
        assertThat(chart.indexOf(">woocommerce<")).isLessThan(chart.indexOf(">prestashop<"));
        assertThat(chart.indexOf(">prestashop<")).isLessThan(chart.indexOf(">shopify<"));
        assertThat(chart).contains(">800</text>").contains(">300</text>").contains(">134</text>");
        assertThat(chart).contains("class=\"sk-fill-info\"");
    }

    @Test
    void emptyFleetSaysSoInsteadOfAnEmptyChart() throws Exception {
        telemetry.installations.clear();
        telemetry.versions.clear();
        telemetry.stats = new org.sitekeeper.telemetry.api.StatsOverview(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

        String html = get(page, URI, Map.of()).body();

        assertThat(html).contains("No installation has sent a heartbeat yet.").doesNotContain("<svg");
        assertThat(html).contains("<p class=\"sk-dim\" id=\"sk-installations\">No installations.</p>");
        assertThat(html).contains("No version registered yet");
        assertThat(html).contains("data-stat=\"avg-error-rate\"><h3>Avg Error Rate</h3><div class=\"sk-big\">0 %");
    }

    @Test
    void opsSeeNotifyOnlyWhenBehindAndBlockOrUnblock() throws Exception {
        String html = get(page, URI, Map.of()).body();

        String outdated = row(html, "i1");
        assertThat(outdated)
                .contains("value=\"notify\">Notify</button>")
                .contains("value=\"block\" class=\"sk-danger\">" + "Block</button>");
        assertThat(outdated).contains("<input type=\"hidden\" name=\"csrf\" value=\"" + CSRF + "\">");
        assertThat(outdated).contains("<input type=\"hidden\" name=\"plugin\" value=\"i1\">");
        String upToDate = row(html, "i2");
        assertThat(upToDate).doesNotContain("Notify").contains(">Block</button>");
        String blocked = row(html, "i3");
        assertThat(blocked).contains("value=\"unblock\">Unblock</button>").doesNotContain(">Block</button>");
        assertThat(html)
                .contains("<th>Actions</th>")
                .contains("id=\"sk-add-version\"")
                .contains("value=\"remove-version\"");
    }

    @Test
    void viewersSeeNoButtonsAndNoForms() throws Exception {
        as(Role.VIEWER);

        String html = get(page, URI, Map.of()).body();
        String detail = get(page, URI, Map.of("id", "i1")).body();

        for (String h : List.of(html, detail)) {
            assertThat(h)
                    .doesNotContain("<button type=\"submit\" name=\"action\"")
                    .doesNotContain("method=\"post\"")
                    .doesNotContain(CSRF);
        }
        assertThat(html).doesNotContain("<th>Actions</th>").doesNotContain("sk-add-version");
        assertThat(html).contains("1.2.0 → 1.3.5");
        assertThat(detail).contains("id=\"sk-installation\"").doesNotContain("sk-installation-actions");
    }

    @Test
    void aViewersPostIsRefusedAndChangesNothing() throws Exception {
        as(Role.VIEWER);

        String redirect = post(page, URI, Map.of("csrf", CSRF, "action", "block", "plugin", "i1"))
                .redirect();

        assertThat(telemetry.calls).isEmpty();
        assertThat(decoded(redirect)).startsWith(URI + "?").contains("error=this needs the ops role; you have viewer");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String redirect =
                post(page, URI, Map.of("action", "block", "plugin", "i1")).redirect();

        assertThat(telemetry.calls).isEmpty();
        assertThat(decoded(redirect)).contains("error=the form has expired");
    }

    @Test
    void blockSetsTheBlockToggleWithTheConsoleReasonAndReturnsToTheFilteredList() throws Exception {
        String redirect = post(
                        page,
                        URI,
                        Map.of(
                                "csrf",
                                CSRF,
                                "action",
                                "block",
                                "plugin",
                                "i1",
                                "status",
                                "outdated",
                                "cms",
                                "woocommerce"))
                .redirect();

        assertThat(telemetry.calls).containsExactly("toggle i1");
        assertThat(telemetry.lastToggle.toggleKey()).isEqualTo("block_plugin");
        assertThat(telemetry.lastToggle.toggleValue()).isTrue();
        assertThat(telemetry.lastToggle.reason()).isEqualTo("Blocked from the console");
        assertThat(telemetry.lastActor).isEqualTo(new Actor("olivia", Role.OPS, Actor.CONSOLE, "192.0.2.1"));
        assertThat(decoded(redirect)).startsWith(URI + "?status=outdated&cms=woocommerce&msg=Blocked installation i1");
    }

    @Test
    void unblockClearsTheBlockToggle() throws Exception {
        post(page, URI, Map.of("csrf", CSRF, "action", "unblock", "plugin", "i3", "id", "i3"));

        assertThat(telemetry.lastToggle.toggleKey()).isEqualTo("block_plugin");
        assertThat(telemetry.lastToggle.toggleValue()).isFalse();
        assertThat(telemetry.lastToggle.reason()).isEqualTo("Unblocked from the console");
    }

    @Test
    void notifyUsesTheDefaultChannelsAndSaysWhatWasSent() throws Exception {
        String redirect = post(page, URI, Map.of("csrf", CSRF, "action", "notify", "plugin", "i1", "id", "i1"))
                .redirect();

        assertThat(telemetry.calls).containsExactly("notify i1");
        assertThat(telemetry.lastChannel).isNull();
        assertThat(decoded(redirect))
                .isEqualTo(URI + "?id=i1&msg=Upgrade notices to 1.3.5 sent: email (queued), in-app (pending)");
    }

    @Test
    void notifyWithAChannelFromTheDetailView() throws Exception {
        post(page, URI, Map.of("csrf", CSRF, "action", "notify", "plugin", "i1", "id", "i1", "channel", "sms"));

        assertThat(telemetry.lastChannel).isEqualTo("sms");
    }

    @Test
    void aRefusedNotifyComesBackWithTheReason() throws Exception {
        String redirect = post(page, URI, Map.of("csrf", CSRF, "action", "notify", "plugin", "latest", "id", "latest"))
                .redirect();

        assertThat(decoded(redirect)).contains("id=latest").contains("error=the installation is on the latest version");
        assertThat(decoded(redirect)).doesNotContain(CSRF);
    }

    @Test
    void toggleFormSetsAnyToggle() throws Exception {
        post(
                page,
                URI,
                Map.of(
                        "csrf",
                        CSRF,
                        "action",
                        "toggle",
                        "plugin",
                        "i1",
                        "id",
                        "i1",
                        "toggle_key",
                        "rate_limit",
                        "toggle_value",
                        "true",
                        "reason",
                        "noisy",
                        "rate_per_minute",
                        "10"));

        assertThat(telemetry.lastToggle.toggleKey()).isEqualTo("rate_limit");
        assertThat(telemetry.lastToggle.toggleValue()).isTrue();
        assertThat(telemetry.lastToggle.ratePerMinute()).isEqualTo(10);
        assertThat(telemetry.lastToggle.reason()).isEqualTo("noisy");
    }

    @Test
    void versionsCanBeRegisteredAndRemoved() throws Exception {
        String added = post(
                        page,
                        URI,
                        Map.of(
                                "csrf",
                                CSRF,
                                "action",
                                "add-version",
                                "version_cms",
                                "woocommerce",
                                "version",
                                "1.4.0",
                                "is_latest",
                                "true"))
                .redirect();
        post(
                page,
                URI,
                Map.of("csrf", CSRF, "action", "remove-version", "version_cms", "woocommerce", "version", "1.2.0"));

        assertThat(telemetry.calls)
                .containsExactly("register woocommerce 1.4.0 latest=true", "remove woocommerce 1.2.0");
        assertThat(decoded(added)).contains("msg=Registered woocommerce 1.4.0 as the latest version");
    }

    @Test
    void filtersAndPagingReachTheQuery() throws Exception {
        for (int n = 4; n <= 60; n++) {
            telemetry.installations.add(
                    installation("x" + n, "Shop " + n, "woocommerce", "1.2.0", "1.3.5", "outdated", "minor"));
        }

        String html = get(page, URI, Map.of("status", "outdated", "cms", "woocommerce", "q", "shop"))
                .body();

        assertThat(telemetry.lastQuery.status()).isEqualTo("outdated");
        assertThat(telemetry.lastQuery.cms()).isEqualTo("woocommerce");
        assertThat(telemetry.lastQuery.text()).isEqualTo("shop");
        assertThat(telemetry.lastQuery.offset()).isZero();
        assertThat(telemetry.lastQuery.limit()).isEqualTo(TelemetryPage.PAGE_SIZE);
        assertThat(html)
                .contains("<option selected>outdated</option>")
                .contains("<option selected>woocommerce</option>");
        assertThat(html).contains("58 installations match");
        assertThat(html)
                .contains("1–50 of 58")
                .contains(
                        "href=\"telemetry?q=shop&amp;status=outdated&amp;cms=woocommerce&amp;offset=50\">Next page</a>");

        String second = get(page, URI, Map.of("status", "outdated", "cms", "woocommerce", "q", "shop", "offset", "50"))
                .body();

        assertThat(telemetry.lastQuery.offset()).isEqualTo(50);
        assertThat(second)
                .contains("51–58 of 58")
                .contains("href=\"telemetry?q=shop&amp;status=outdated&amp;cms=woocommerce\">Previous page</a>");
        assertThat(second).doesNotContain("Next page");
        // a row's actions carry the filters back
        assertThat(second).contains("<input type=\"hidden\" name=\"offset\" value=\"50\">");
    }

    @Test
    void aBadOffsetIsAMessageNotAnError() throws Exception {
        String html = get(page, URI, Map.of("offset", "-3")).body();

        assertThat(html).contains("<div class=\"sk-notice sk-bad\">offset must be between 0 and");
    }

    @Test
    void versionsSectionListsTheRegistry() throws Exception {
        String html = get(page, URI, Map.of()).body();

        assertThat(html)
                .contains("<tr data-cms=\"woocommerce\" data-version=\"1.3.5\"><td>woocommerce</td><td>1.3.5"
                        + "</td><td><span class=\"sk-badge sk-ok\">latest</span> <span class=\"sk-badge sk-bad\">security"
                        + "</span></td><td>2026-03-29 12:00:00Z</td><td>2</td>");
        assertThat(html).contains("<tr data-cms=\"woocommerce\" data-version=\"1.2.0\">");
    }

    @Test
    void detailViewShowsEventsTogglesAndNotices() throws Exception {
        telemetry.events.add(new EventDto(
                99,
                "i1",
                "e1",
                "payment_failed",
                "error",
                Map.of("amount", 1200),
                "java.lang.IllegalStateException: " + EVIL + "\n\tat x.y(Z.java:1)",
                NOW.minusSeconds(30),
                NOW.minusSeconds(29)));
        telemetry.toggles.add(new ToggleDto(
                5, "i1", "enable_debug", true, "tracing " + EVIL, null, "olivia", null, NOW.minusSeconds(60), true));
        telemetry.toggles.add(
                new ToggleDto(4, "i1", "enable_debug", false, "old", null, "bob", null, NOW.minusSeconds(600), false));
        telemetry.notices.add(notice("n1", "email", "queued"));

        String html = get(page, URI, Map.of("id", "i1")).body();

        assertThat(html)
                .contains("<h2 id=\"sk-installation-title\">Boutique Dakar · woocommerce "
                        + "<span class=\"sk-badge sk-warn\">outdated</span></h2>");
        assertThat(html).contains("1.2.0 → 1.3.5");
        assertThat(html)
                .contains("<tr data-event-id=\"99\">")
                .contains("<span class=\"sk-badge sk-bad\">payment_failed</span>")
                .contains("amount=1200");
        assertThat(html)
                .contains("java.lang.IllegalStateException: &lt;script&gt;")
                .doesNotContain("Z.java:1");
        assertThat(html).contains("id=\"sk-active-toggles\"").contains("<tr data-toggle=\"enable_debug\">");
        assertThat(html)
                .contains("<span class=\"sk-badge sk-info\">in force</span>")
                .contains("<span class=\"sk-badge sk-muted\">superseded</span>");
        assertThat(html).contains("<tr data-notice-id=\"n1\">").contains("detail of email");
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        // ops: notify with a channel choice, block, and the toggle form, all for this installation
        assertThat(html)
                .contains("id=\"sk-notify\"")
                .contains("<option>sms</option>")
                .contains("id=\"sk-toggle\"");
        assertThat(html).contains("<input type=\"hidden\" name=\"id\" value=\"i1\">");
    }

    @Test
    void detailOfABlockedInstallationSaysSoAndOffersUnblock() throws Exception {
        telemetry.toggles.add(new ToggleDto(
                6, "i3", "block_plugin", true, "Blocked from the console", null, "olivia", null, NOW, true));

        String html = get(page, URI, Map.of("id", "i3")).body();

        assertThat(html).contains("id=\"sk-blocked\"").contains("value=\"unblock\">Unblock</button>");
        assertThat(html).doesNotContain("value=\"notify\"");
    }

    @Test
    void unknownInstallationIsAMessage() throws Exception {
        String html = get(page, URI, Map.of("id", "<nope>")).body();

        assertThat(html).contains("No installation &lt;nope&gt;.").contains("<a href=\"telemetry\">All installations");
    }

    private static String row(String html, String id) {
        int start = html.indexOf("<tr data-installation-id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
