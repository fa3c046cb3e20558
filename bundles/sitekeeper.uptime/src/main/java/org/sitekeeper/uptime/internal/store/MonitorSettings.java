package org.sitekeeper.uptime.internal.store;

/** The settings of a monitor, validated and complete, as stored. */
public record MonitorSettings(
        Long siteId,
        String name,
        String type,
        String url,
        String host,
        String method,
        String expectedStatus,
        String keyword,
        boolean keywordAbsent,
        String headersSealed,
        boolean followRedirects,
        int maxResponseMs,
        int timeoutSeconds,
        int intervalSeconds,
        int failuresToDown,
        int successesToUp,
        boolean ignoreTls,
        boolean enabled) {

    /**
     * The settings in the column order of {@code uptime_monitor} (site_id … enabled), then {@code more}: the
     * parameters of the insert and the update, which write the same columns.
     */
    Object[] columnsThen(Object... more) {
        Object[] columns = {
            UptimeDb.orNull(siteId),
            name,
            type,
            url,
            host,
            method,
            expectedStatus,
            keyword,
            keywordAbsent,
            headersSealed,
            followRedirects,
            maxResponseMs,
            timeoutSeconds,
            intervalSeconds,
            failuresToDown,
            successesToUp,
            ignoreTls,
            enabled
        };
        Object[] all = java.util.Arrays.copyOf(columns, columns.length + more.length);
        System.arraycopy(more, 0, all, columns.length, more.length);
        return all;
    }

    /** The settings of a stored row. */
    public static MonitorSettings of(MonitorRow row) {
        return new MonitorSettings(
                row.siteId(),
                row.name(),
                row.type(),
                row.url(),
                row.host(),
                row.method(),
                row.expectedStatus(),
                row.keyword(),
                row.keywordAbsent(),
                row.headersSealed(),
                row.followRedirects(),
                row.maxResponseMs(),
                row.timeoutSeconds(),
                row.intervalSeconds(),
                row.failuresToDown(),
                row.successesToUp(),
                row.ignoreTls(),
                row.enabled());
    }
}
