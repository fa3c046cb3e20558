package org.sitekeeper.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/** The site registry over REST as an admin: create, read, filter, page, change, disconnect, purge. */
@Order(1)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class SitesRestIT {

    private static Api admin;

    @BeforeAll
    static void useSharedHub(Hub hub) {
        admin = hub.admin();
    }

    @Test
    void createsSiteWithNormalisedUrlAndTagsAndReadsItBackFromItsLocation() {
        ApiResponse created = admin.post(
                Sites.PATH,
                Map.of(
                        "url",
                        "https://Shop.Example.COM:443/blog/",
                        "group",
                        "clients",
                        "tags",
                        List.of("WooCommerce", "eu")));

        JsonNode site = assertStatus(created, 201);
        assertThat(site.path("url").asText()).isEqualTo("https://shop.example.com/blog");
        assertThat(site.path("tags")).extracting(JsonNode::asText).containsExactly("eu", "woocommerce");
        assertThat(site.path("status").asText()).isEqualTo("pending");
        assertThat(site.path("owner").asText()).isEqualTo("admin");
        assertThat(site.path("group").asText()).isEqualTo("clients");
        assertThat(site.path("name").asText()).isEqualTo("shop.example.com");
        long id = site.path("id").asLong();
        assertThat(created.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/sites/" + id));

        ApiResponse fetched = admin.get(created.header("Location").orElseThrow());
        assertThat(assertStatus(fetched, 200)).isEqualTo(site);
    }

    @Test
    void refusesSecondSiteWithTheSameOwnerAndUrlAsConflictOnUrl() {
        String url = "https://dup-" + Sites.unique() + ".example.net";
        Sites.create(admin, url);

        assertError(admin.post(Sites.PATH, Map.of("url", url)), 409, "conflict", "url");
        assertError(
                admin.post(Sites.PATH, Map.of("url", url.toUpperCase(Locale.ROOT) + ":443/")), 409, "conflict", "url");
    }

    @Test
    void filtersListByStatusGroupTagAndText() {
        String group = "filters-" + Sites.unique();
        long shop = Sites.create(
                        admin,
                        Map.of(
                                "url",
                                "https://shop-" + group + ".example.org",
                                "group",
                                group,
                                "tags",
                                List.of("woo", "eu"),
                                "status",
                                "active"))
                .path("id")
                .asLong();
        long blog = Sites.create(
                        admin,
                        Map.of(
                                "url",
                                "https://blog-" + group + ".example.org",
                                "name",
                                "Team blog",
                                "group",
                                group,
                                "tags",
                                List.of("eu")))
                .path("id")
                .asLong();
        long other = Sites.create(
                        admin,
                        Map.of(
                                "url",
                                "https://shop-" + group + ".example.com",
                                "group",
                                group + "-other",
                                "tags",
                                List.of("woo")))
                .path("id")
                .asLong();

        assertThat(idsOf("?group=" + group)).containsExactly(shop, blog);
        assertThat(idsOf("?group=" + group + "&status=active")).containsExactly(shop);
        assertThat(idsOf("?group=" + group + "&status=pending")).containsExactly(blog);
        assertThat(idsOf("?group=" + group + "&tag=woo")).containsExactly(shop);
        assertThat(idsOf("?tag=eu&q=" + group)).containsExactly(shop, blog);
        assertThat(idsOf("?q=TEAM%20BLOG")).contains(blog).doesNotContain(shop, other);
        assertThat(idsOf("?q=shop-" + group)).containsExactly(shop, other);
    }

    @Test
    void pagesThroughFiveSitesWithLimitAndNextCursor() {
        String group = "paging-" + Sites.unique();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(
                    Sites.create(admin, Map.of("url", "https://p" + i + "-" + group + ".example.org", "group", group))
                            .path("id")
                            .asLong());
        }

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = assertStatus(
                    admin.get(
                            Sites.PATH + "?group=" + group + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            assertThat(page.path("total").asLong()).isEqualTo(5);
            seen.addAll(Sites.ids(page));
            pageSizes.add(page.path("items").size());
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(created);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        JsonNode before = Sites.create(
                admin,
                Map.of(
                        "url",
                        "https://patch-" + Sites.unique() + ".example.org",
                        "name",
                        "Before",
                        "group",
                        "patching",
                        "tags",
                        List.of("keep")));
        long id = before.path("id").asLong();

        JsonNode after = assertStatus(admin.patch(Sites.path(id), Map.of("status", "active", "notes", "x")), 200);

        assertThat(after.path("status").asText()).isEqualTo("active");
        assertThat(after.path("notes").asText()).isEqualTo("x");
        for (String unchanged : List.of("id", "url", "name", "group", "tags", "owner", "created_at", "last_seen_at")) {
            assertThat(after.path(unchanged)).as(unchanged).isEqualTo(before.path(unchanged));
        }
        assertThat(assertStatus(admin.get(Sites.path(id)), 200)).isEqualTo(after);
    }

    @Test
    void deleteWithoutPurgeDisconnectsTheSiteAndKeepsItListed() {
        String group = "disconnect-" + Sites.unique();
        long id = Sites.create(admin, Map.of("url", "https://" + group + ".example.org", "group", group))
                .path("id")
                .asLong();

        JsonNode disconnected = assertStatus(admin.delete(Sites.path(id)), 200);

        assertThat(disconnected.path("status").asText()).isEqualTo("disconnected");
        JsonNode listed = assertStatus(admin.get(Sites.PATH + "?group=" + group), 200);
        assertThat(Sites.ids(listed)).containsExactly(id);
        assertThat(listed.path("items").get(0).path("status").asText()).isEqualTo("disconnected");
    }

    @Test
    void deleteWithPurgeRemovesTheSiteForGood() {
        long id = Sites.create(admin, "https://purge-" + Sites.unique() + ".example.org")
                .path("id")
                .asLong();

        ApiResponse purged = admin.delete(Sites.path(id) + "?purge=true");

        assertThat(purged.status()).as("%s", purged).isEqualTo(204);
        assertThat(purged.body()).isEmpty();
        assertError(admin.get(Sites.path(id)), 404, "not_found", null);
    }

    @Test
    void summaryCountsEverySiteByStatus() {
        JsonNode before = assertStatus(admin.get(Sites.PATH + "/summary"), 200);
        Sites.create(admin, "https://summary-" + Sites.unique() + ".example.org");
        Sites.create(admin, Map.of("url", "https://summary-" + Sites.unique() + ".example.org", "status", "active"));

        JsonNode after = assertStatus(admin.get(Sites.PATH + "/summary"), 200);

        assertThat(after.path("total").asLong()).isEqualTo(before.path("total").asLong() + 2);
        assertThat(count(after, "pending")).isEqualTo(count(before, "pending") + 1);
        assertThat(count(after, "active")).isEqualTo(count(before, "active") + 1);
        long sum = 0;
        for (String status : List.of("pending", "active", "disconnected", "error")) {
            assertThat(count(after, status))
                    .as("summary of %s against the list", status)
                    .isEqualTo(assertStatus(admin.get(Sites.PATH + "?limit=1&status=" + status), 200)
                            .path("total")
                            .asLong());
            sum += count(after, status);
        }
        assertThat(sum).isEqualTo(after.path("total").asLong()).isEqualTo(Sites.total(admin));
    }

    @Test
    void groupsListEachGroupWithItsSiteCount() {
        String group = "grouped-" + Sites.unique();
        Sites.create(admin, Map.of("url", "https://a-" + group + ".example.org", "group", group));
        Sites.create(admin, Map.of("url", "https://b-" + group + ".example.org", "group", group));

        JsonNode groups = assertStatus(admin.get(Sites.PATH + "/groups"), 200);

        List<JsonNode> ours = new ArrayList<>();
        groups.path("items").forEach(g -> {
            if (g.path("group").asText().equals(group)) {
                ours.add(g);
            }
        });
        assertThat(ours)
                .singleElement()
                .satisfies(g -> assertThat(g.path("sites").asLong()).isEqualTo(2));
        assertThat(groups.path("total").asLong()).isEqualTo(groups.path("items").size());
    }

    private static List<Long> idsOf(String query) {
        return Sites.ids(assertStatus(admin.get(Sites.PATH + query), 200));
    }

    private static long count(JsonNode summary, String status) {
        return summary.path("by_status").path(status).asLong();
    }
}
