package org.sitekeeper.itests;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.ShellResult;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The shell commands over SSH, checked against what REST then reports. Karaf's parser takes options before the
 * arguments only ({@code site:remove --purge 7}); after an argument they count as further arguments.
 */
@Order(4)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class ShellIT {

    private static final Pattern ADDED = Pattern.compile("Added site (\\d+): (\\S+)");

    private static Hub hub;
    private static Api admin;

    @BeforeAll
    static void useSharedHub(Hub shared) {
        hub = shared;
        admin = hub.admin();
    }

    @Test
    void siteAddPrintsTheNewIdAndSiteListShowsTheSite() {
        ShellResult added = hub.sshAdmin("site:add --group g1 --tag t1 https://ssh.example.org");

        long id = addedId(added);
        JsonNode site = assertStatus(admin.get(Sites.path(id)), 200);
        assertThat(site.path("url").asText()).isEqualTo("https://ssh.example.org");
        assertThat(site.path("group").asText()).isEqualTo("g1");
        assertThat(site.path("tags")).extracting(JsonNode::asText).containsExactly("t1");

        ShellResult listed = hub.sshAdmin("site:list --group g1");
        assertThat(listed.output())
                .as("%s", listed)
                .containsPattern("(?m)^\\s*" + id + "\\s.*https://ssh\\.example\\.org");
    }

    @Test
    void siteShowPrintsTheSitesDetails() {
        String url = "https://show-" + Sites.unique() + ".example.org";
        long id = addedId(hub.sshAdmin("site:add --group shown --tag one --tag two " + url));

        ShellResult shown = hub.sshAdmin("site:show " + id);

        assertThat(shown.output())
                .as("%s", shown)
                .contains(url)
                .containsPattern(row("Status", "pending"))
                .containsPattern(row("Group", "shown"))
                .containsPattern(row("Tags", "one, two"))
                .containsPattern(row("Owner", "admin"));
    }

    @Test
    void siteUpdateChangesOnlyTheGivenNameAndStatus() {
        String url = "https://update-" + Sites.unique() + ".example.org";
        long id = addedId(hub.sshAdmin("site:add --group before " + url));

        ShellResult updated = hub.sshAdmin("site:update --name \"New name\" --status active " + id);

        assertThat(updated.output())
                .as("%s", updated)
                .containsPattern(row("Name", "New name"))
                .containsPattern(row("Status", "active"));
        JsonNode site = assertStatus(admin.get(Sites.path(id)), 200);
        assertThat(site.path("name").asText()).isEqualTo("New name");
        assertThat(site.path("status").asText()).isEqualTo("active");
        assertThat(site.path("group").asText()).isEqualTo("before");
        assertThat(site.path("url").asText()).isEqualTo(url);
    }

    @Test
    void siteRemoveDisconnectsAndSiteRemoveWithPurgeDeletes() {
        long id = addedId(hub.sshAdmin("site:add https://remove-" + Sites.unique() + ".example.org"));

        ShellResult disconnected = hub.sshAdmin("site:remove " + id);

        assertThat(disconnected.output()).as("%s", disconnected).contains("Disconnected site " + id);
        assertThat(assertStatus(admin.get(Sites.path(id)), 200).path("status").asText())
                .isEqualTo("disconnected");

        ShellResult purged = hub.sshAdmin("site:remove --purge " + id);

        assertThat(purged.output()).as("%s", purged).contains("Removed site " + id);
        assertError(admin.get(Sites.path(id)), 404, "not_found", null);
    }

    @Test
    void viewerMayListSitesButSiteAddIsRefusedAndCreatesNothing() {
        String viewer = Users.create(admin, "shellviewer", "viewer");
        String url = "https://viewer-shell-" + Sites.unique() + ".example.org";

        ShellResult refused = hub.ssh(viewer, Users.PASSWORD, "site:add " + url);

        // the command is visible to viewers and says why it refuses (Karaf's ACLs would only say "Command not found")
        assertThat(refused.output())
                .as("%s", refused)
                .contains("this needs the ops role")
                .doesNotContain("Added site");
        assertThat(refused.exitStatus()).as("%s", refused).isNotEqualTo(0);
        assertThat(assertStatus(admin.get(Sites.PATH + "?q=" + url), 200)
                        .path("total")
                        .asLong())
                .isZero();

        ShellResult listed = hub.ssh(viewer, Users.PASSWORD, "site:list --limit 5");
        assertThat(listed.output()).as("%s", listed).contains("URL").containsPattern("\\d+ of \\d+ sites");
    }

    @Test
    void userListShowsTheAccountsWithTheirRoles() {
        String ops = Users.create(admin, "listedops", "ops");

        ShellResult listed = hub.sshAdmin("user:list");

        assertThat(listed.output())
                .as("%s", listed)
                .containsPattern("(?m)^\\s*admin\\s.*admin")
                .containsPattern("(?m)^\\s*" + ops + "\\s.*ops");
    }

    @Test
    void jobListShowsTheRetentionJobWithItsNextRun() {
        ShellResult jobs = hub.sshAdmin("job:list");

        assertThat(jobs.output()).as("%s", jobs).containsPattern("core\\.retention.*\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void healthCommandReportsTheHubUp() {
        ShellResult health = hub.sshAdmin("sitekeeper:health");

        assertThat(health.output())
                .as("%s", health)
                .contains("Hub: UP")
                .containsPattern("database\\s.*UP")
                .containsPattern("sites\\s.*UP");
    }

    @Test
    void tokenCreatePrintsAWorkingTokenOnce() {
        ShellResult created = hub.sshAdmin("token:create --role viewer shell-bot");

        Matcher token = Pattern.compile("sk_\\S+").matcher(created.output());
        assertThat(token.find()).as("%s", created).isTrue();
        Api bot = hub.api().withToken(token.group());
        assertStatus(bot.get(Sites.PATH), 200);
        assertError(bot.post(Sites.PATH, Map.of("url", "https://bot.example.org")), 403, "forbidden", null);
    }

    /** A line of the field/value table that site:show and site:update print. */
    private static String row(String field, String value) {
        return "(?m)^" + field + "\\s*\\|\\s*" + Pattern.quote(value) + "\\s*$";
    }

    private static long addedId(ShellResult added) {
        Matcher matcher = ADDED.matcher(added.output());
        assertThat(matcher.find()).as("%s", added).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
