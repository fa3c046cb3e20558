package org.sitekeeper.telemetry.internal.domain;

import java.util.List;
import java.util.Optional;

/**
 * How big a step an upgrade is, which decides how loudly the merchant is told (seed 002's table):
 *
 * <table>
 *   <caption>Upgrade notifications</caption>
 *   <tr><th>type</th><th>example</th><th>channels</th><th>priority</th></tr>
 *   <tr><td>patch</td><td>1.2.0 → 1.2.1</td><td>in-app</td><td>low</td></tr>
 *   <tr><td>minor</td><td>1.2.x → 1.3.x</td><td>email, in-app</td><td>normal</td></tr>
 *   <tr><td>major</td><td>1.x → 2.x</td><td>email, in-app</td><td>high</td></tr>
 *   <tr><td>security</td><td>any → a security fix</td><td>email, SMS</td><td>critical</td></tr>
 * </table>
 */
public enum UpgradeType {
    PATCH("patch", List.of("in-app"), "low"),
    MINOR("minor", List.of("email", "in-app"), "normal"),
    MAJOR("major", List.of("email", "in-app"), "high"),
    SECURITY("security", List.of("email", "sms"), "critical");

    private final String wireName;
    private final List<String> channels;
    private final String priority;

    UpgradeType(String wireName, List<String> channels, String priority) {
        this.wireName = wireName;
        this.channels = channels;
        this.priority = priority;
    }

    public String wireName() {
        return wireName;
    }

    /** The notification channels this kind of upgrade goes out on, in order. */
    public List<String> channels() {
        return channels;
    }

    /** {@code low}, {@code normal}, {@code high} or {@code critical}. */
    public String priority() {
        return priority;
    }

    /**
     * The step from {@code installed} up to {@code target}, or empty when {@code target} is not newer. It is a
     * security upgrade when {@code securityFixOnTheWay} (a security release lies after the installed version, up to
     * and including the target); otherwise major, minor or patch by the first number that differs (a step between
     * pre-releases of one version counts as a patch).
     */
    public static Optional<UpgradeType> between(Version installed, Version target, boolean securityFixOnTheWay) {
        if (!target.isNewerThan(installed)) {
            return Optional.empty();
        }
        if (securityFixOnTheWay) {
            return Optional.of(SECURITY);
        }
        if (target.major() != installed.major()) {
            return Optional.of(MAJOR);
        }
        if (target.minor() != installed.minor()) {
            return Optional.of(MINOR);
        }
        return Optional.of(PATCH);
    }
}
