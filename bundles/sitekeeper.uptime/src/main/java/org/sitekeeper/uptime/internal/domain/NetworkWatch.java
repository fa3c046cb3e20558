package org.sitekeeper.uptime.internal.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells whether the hub's own network is gone: when nearly every check of the last window failed to reach its
 * target (timeout, DNS, connection) across many different targets, the fault is far more likely here than at
 * all of them at once. While it says so, failures are not evidence against the targets. Not thread-safe.
 */
public final class NetworkWatch {

    private record Sample(long at, boolean networkFailure, String target) {}

    private final long windowMillis;
    private final int minChecks;
    private final int minTargets;
    private final double failureShare;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private int failures;

    /**
     * @param windowMillis how far back to look
     * @param minChecks fewer checks than this in the window never count as an outage of the hub
     * @param minTargets nor failures at fewer distinct targets than this
     * @param failureShare the share of network failures (0..1) that means the hub is offline
     */
    public NetworkWatch(long windowMillis, int minChecks, int minTargets, double failureShare) {
        this.windowMillis = windowMillis;
        this.minChecks = minChecks;
        this.minTargets = minTargets;
        this.failureShare = failureShare;
    }

    /** Notes one finished check: whether it failed to reach its target, and the target's host. */
    public void record(long at, boolean networkFailure, String target) {
        samples.addLast(new Sample(at, networkFailure, target));
        if (networkFailure) {
            failures++;
        }
        trim(at);
    }

    /** Why the hub looks offline now, or {@code null} when it does not. */
    public String offlineReason(long now) {
        trim(now);
        int total = samples.size();
        if (total < minChecks || failures < failureShare * total) {
            return null;
        }
        Set<String> targets = new HashSet<>();
        for (Sample s : samples) {
            if (s.networkFailure()) {
                targets.add(s.target());
                if (targets.size() >= minTargets) {
                    return failures + " of the last " + total + " checks could not reach " + targets.size()
                            + " or more different targets: the hub's own network looks down";
                }
            }
        }
        return null;
    }

    private void trim(long now) {
        while (!samples.isEmpty() && samples.peekFirst().at() < now - windowMillis) {
            if (samples.removeFirst().networkFailure()) {
                failures--;
            }
        }
        while (samples.size() > 100_000) {
            if (samples.removeFirst().networkFailure()) {
                failures--;
            }
        }
    }
}
