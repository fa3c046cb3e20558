package org.sitekeeper.telemetry.api;

import java.util.List;

/** Seed 002's dashboard numbers. */
public record StatsOverview(
        long activeCount,
        long outdatedCount,
        long blockedCount,
        long errorCount,
        long highErrorRateCount,
        long staleCount,
        long totalCount,
        double avgErrorRate,
        double outdatedPercentage,
        List<CmsCount> cmsBreakdown) {

    public record CmsCount(String cms, long count) {}
}
