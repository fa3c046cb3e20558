package org.sitekeeper.itests.support;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/** Uptime monitors through the REST API. */
public final class Monitors {

    public static final String PATH = "/api/v1/monitors";

    private Monitors() {}

    /**
     * Checks now and returns the result. A new monitor's first scheduled check comes within 30 s of its creation;
     * while it runs, checking now is refused with 409, so this tries again until it is the caller's turn.
     */
    public static JsonNode checkNow(Api api, long id) {
        ApiResponse[] last = new ApiResponse[1];
        await("check of monitor " + id)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    last[0] = api.post(PATH + "/" + id + "/check", Map.of());
                    return last[0].status() != 409;
                });
        return assertStatus(last[0], 200);
    }
}
