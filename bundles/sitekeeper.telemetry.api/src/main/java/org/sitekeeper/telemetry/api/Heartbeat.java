package org.sitekeeper.telemetry.api;

import java.util.Map;

/**
 * A plugin's heartbeat, as seed 002 sends it. {@code site_url} is optional: with it, one merchant may run several
 * installations of the same CMS (one per site).
 */
public record Heartbeat(
        String merchantId,
        String cms,
        String siteUrl,
        String pluginVersion,
        String sdkLanguage,
        Double errorsLastHour,
        String environment,
        String phpVersion,
        String wordpressVersion,
        Map<String, Object> serverInfo) {}
