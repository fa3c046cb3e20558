package org.sitekeeper.itests;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.Chromium;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The web console as a browser renders it: headless Chromium loads the pages with HTTP Basic credentials and the
 * tests read the DOM it ends up with. Screenshots land in target/screenshots for people to look at.
 */
@Order(5)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class ConsoleIT {

    private static final String OVERVIEW = "/system/console/sitekeeper";
    private static final String XSS_NAME = "Evil <script>alert(1)</script>"
            + "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\"> shop";

    private static Hub hub;
    private static Api admin;
    private static String group;
    private static String opsName;
    private static String viewerName;

    @BeforeAll
    static void useSharedHubWithSomeSites(Hub shared) {
        Chromium.requireInstalled();
        hub = shared;
        admin = hub.admin();
        opsName = Users.create(admin, "consoleops", "ops");
        viewerName = Users.create(admin, "consoleviewer", "viewer");
        group = "console-" + Sites.unique();
        Sites.create(
                admin,
                Map.of(
                        "url",
                        "https://shop-" + group + ".example.org",
                        "name",
                        "Console shop",
                        "group",
                        group,
                        "status",
                        "active"));
        Sites.create(
                admin, Map.of("url", "https://blog-" + group + ".example.org", "name", "Console blog", "group", group));
        Sites.create(
                admin,
                Map.of(
                        "url",
                        "https://evil-" + group + ".example.org",
                        "name",
                        XSS_NAME,
                        "group",
                        group,
                        "status",
                        "error"));
    }

    @Test
    void overviewShowsHubUpTheRealSiteTotalAndTheSitesCapability() {
        long total = assertStatus(admin.get(Sites.PATH + "/summary"), 200)
                .path("total")
                .asLong();

        Document overview = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, OVERVIEW, "overview-admin.png");

        assertThat(element(overview, "#sk-hub .sk-badge").text()).isEqualTo("UP");
        assertThat(element(overview, "#sk-site-total").text()).isEqualTo(Long.toString(total));
        assertThat(element(overview, "#sk-capabilities").text()).contains("sitekeeper-sites");
    }

    @Test
    void sitesPageListsTheSitesWithStatusBadgesAndTheAddFormForAdmins() {
        Document sites = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, sitesOfGroup(), "sites-admin.png");

        assertThat(rows(sites))
                .containsExactlyInAnyOrder("Console shop | active", "Console blog | pending", XSS_NAME + " | error");
        assertThat(sites.selectFirst("#sk-add")).as("add form").isNotNull();
    }

    @Test
    void sitesPageShowsTheAddFormToOps() {
        Document sites = page(opsName, Users.PASSWORD, sitesOfGroup(), "sites-ops.png");

        assertThat(rows(sites)).hasSize(3);
        assertThat(sites.selectFirst("#sk-add")).as("add form").isNotNull();
    }

    @Test
    void sitesPageShowsViewersTheSitesButNoAddForm() {
        Document sites = page(viewerName, Users.PASSWORD, sitesOfGroup(), "sites-viewer.png");

        assertThat(rows(sites)).contains("Console shop | active", "Console blog | pending");
        assertThat(sites.selectFirst("#sk-add")).as("add form").isNull();
    }

    @Test
    void siteNameWithMarkupIsShownAsTextAndNeverRuns() {
        String html = Chromium.dumpDom(hub, Hub.ADMIN, Hub.ADMIN_PASSWORD, sitesOfGroup());
        Document sites = Jsoup.parse(html);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(sites.select("script"))
                .noneSatisfy(script -> assertThat(script.data()).contains("alert(1)"));
        assertThat(sites.select("img[onerror]")).isEmpty();
        assertThat(sites.body().hasAttr("data-pwned"))
                .as("the injected handler ran")
                .isFalse();
        assertThat(sites.select("#sk-sites td a").eachText()).contains(XSS_NAME);
    }

    @Test
    void viewerIsRefusedThePlatformConsolePagesThatAdminsGet() {
        String bundles = "/system/console/bundles";

        ApiResponse refused = hub.api().as(viewerName, Users.PASSWORD).get(bundles);
        ApiResponse allowed = admin.get(bundles);

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);
        ApiResponse ownPage = hub.api().as(viewerName, Users.PASSWORD).get(OVERVIEW);
        assertThat(ownPage.status()).as("%s", ownPage).isEqualTo(200);
    }

    private static String sitesOfGroup() {
        return "/system/console/sites?group=" + group;
    }

    private static Document page(String user, String password, String path, String screenshot) {
        Chromium.screenshot(hub, user, password, path, screenshot);
        return Jsoup.parse(Chromium.dumpDom(hub, user, password, path));
    }

    private static Element element(Document page, String selector) {
        Element element = page.selectFirst(selector);
        assertThat(element).as("%s in %s", selector, page.title()).isNotNull();
        return element;
    }

    /** The rows of the sites table as "name | status badge". */
    private static List<String> rows(Document page) {
        return element(page, "#sk-sites").select("tr[data-site-id]").stream()
                .map(row -> row.selectFirst("td a").text() + " | "
                        + row.selectFirst(".sk-badge").text())
                .toList();
    }
}
