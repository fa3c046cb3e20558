package org.sitekeeper.itests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Site registry calls the tests share. */
public final class Sites {

    public static final String PATH = "/api/v1/sites";

    private Sites() {}

    /** A short random token to keep test data apart on a shared hub. */
    public static String unique() {
        return Long.toString(
                ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** Creates a site and returns it; fails the test unless the answer is 201. */
    public static JsonNode create(Api api, Map<String, ?> body) {
        ApiResponse response = api.post(PATH, body);
        assertThat(response.status()).as("creating %s: %s", body, response).isEqualTo(201);
        return response.json();
    }

    public static JsonNode create(Api api, String url) {
        return create(api, Map.of("url", url));
    }

    /** The number of registered sites. */
    public static long total(Api api) {
        ApiResponse response = api.get(PATH + "?limit=1");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("total").asLong();
    }

    /** The ids of a list page, in order. */
    public static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(site -> ids.add(site.path("id").asLong()));
        return ids;
    }

    public static String path(long id) {
        return PATH + "/" + id;
    }
}
