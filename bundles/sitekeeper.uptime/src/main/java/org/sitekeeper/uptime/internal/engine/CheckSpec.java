package org.sitekeeper.uptime.internal.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.sitekeeper.uptime.internal.domain.StatusSet;

/** One check to run, with the monitor's settings resolved (headers opened). */
public record CheckSpec(
        long monitorId,
        String type,
        URI url,
        String host,
        int port,
        String method,
        Map<String, String> headers,
        StatusSet accepted,
        String keyword,
        boolean keywordAbsent,
        boolean followRedirects,
        int maxResponseMs,
        Duration timeout,
        boolean ignoreTls) {

    public CheckSpec {
        headers = Map.copyOf(headers);
    }
}
