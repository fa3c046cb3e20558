package org.sitekeeper.telemetry.api;

import java.util.List;

/** What a monitoring run did: counts and the alerts it raised. */
public record MonitoringRun(
        String kind,
        long installations,
        long markedOutdated,
        long markedStale,
        long errorRatesUpdated,
        long metricsRecorded,
        long noticesSent,
        List<String> alerts,
        long durationMillis) {}
