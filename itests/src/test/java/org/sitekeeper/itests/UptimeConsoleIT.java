package org.sitekeeper.itests;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.Chromium;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.Monitors;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Receiver;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The uptime console page as headless Chromium renders it: the monitor table with states, a monitor's detail
 * with its 30-day bar, sparkline and results, and what viewers may not do.
 */
@Order(5)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class UptimeConsoleIT {

    private static final String PAGE = "/system/console/sitekeeper-uptime";

    private static Hub hub;
    private static Api admin;
    private static Receiver target;
    private static long upId;
    private static long downId;
    private static String name;
    private static String viewerName;

    @BeforeAll
    static void twoMonitorsOneUpOneDown(Hub shared) {
        Chromium.requireInstalled();
        hub = shared;
        admin = hub.admin();
        viewerName = Users.create(admin, "uptimeviewer", "viewer");
        target = Receiver.start()
                .answer(request ->
                        request.path().startsWith("/broken") ? Receiver.Answer.status(500) : Receiver.Answer.ok());
        name = "console-" + Sites.unique();
        upId = monitor(name + " shop", target.url("/shop"));
        downId = monitor(name + " broken <b>api</b>", target.url("/broken"));
        for (int i = 0; i < 3; i++) {
            Monitors.checkNow(admin, upId);
        }
        for (int i = 0; i < 2; i++) {
            Monitors.checkNow(admin, downId);
        }
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private static long monitor(String monitorName, String url) {
        JsonNode created = assertStatus(
                admin.post(
                        Monitors.PATH,
                        Map.of("name", monitorName, "url", url, "interval_seconds", 3600, "timeout_seconds", 5)),
                201);
        return created.path("id").asLong();
    }

    private static Document page(String user, String password, String path, String screenshot) {
        Chromium.screenshot(hub, user, password, path, screenshot);
        return Jsoup.parse(Chromium.dumpDom(hub, user, password, path));
    }

    @Test
    void theTableShowsEachMonitorWithItsStateAndEscapesNames() {
        Document list = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, PAGE + "?q=" + name, "uptime-list.png");

        assertThat(list.select("#sk-monitors tr[data-monitor-id=" + upId + "]").attr("data-state"))
                .isEqualTo("up");
        assertThat(list.select("#sk-monitors tr[data-monitor-id=" + downId + "]")
                        .attr("data-state"))
                .isEqualTo("down");
        assertThat(list.select("#sk-monitors b")).as("markup in a name is text").isEmpty();
        assertThat(list.select("#sk-monitors tr[data-monitor-id=" + downId + "]")
                        .text())
                .contains("broken <b>api</b>");
        assertThat(Long.parseLong(list.select("#sk-uptime-counts [data-state=down]")
                        .text()
                        .replaceAll("\\D", "")))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aMonitorShowsItsThirtyDayBarSparklineResultsAndIncident() {
        Document up = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, PAGE + "?monitor=" + upId, "uptime-monitor.png");

        assertThat(up.select("#sk-monitor-title").text()).contains(name + " shop");
        assertThat(up.select("#sk-uptime-days rect[data-day]")).hasSize(30);
        assertThat(up.select("#sk-sparkline")).isNotEmpty();
        assertThat(up.select("#sk-results tr[data-outcome=up]")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(up.select("#sk-uptime-stats tr[data-window]").eachAttr("data-window"))
                .contains("24h", "7d", "30d", "365d");
        assertThat(up.select("#sk-check-now")).as("admins may check now").isNotEmpty();

        Document down = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, PAGE + "?monitor=" + downId, "uptime-monitor-down.png");
        assertThat(down.select("#sk-incidents tr[data-incident-id]")).hasSize(1);
        assertThat(down.select("#sk-results tr[data-outcome=down]")).hasSize(2);
    }

    @Test
    void viewersSeeTheMonitorButCannotCheckIt() {
        Document page = page(viewerName, Users.PASSWORD, PAGE + "?monitor=" + upId, "uptime-viewer.png");

        assertThat(page.select("#sk-monitor-title").text()).contains(name + " shop");
        assertThat(page.select("#sk-check-now")).isEmpty();
    }
}
