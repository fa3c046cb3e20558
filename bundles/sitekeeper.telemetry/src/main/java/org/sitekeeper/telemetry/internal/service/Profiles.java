package org.sitekeeper.telemetry.internal.service;

/** A 64-bit fingerprint of what an installation reports about itself in each heartbeat. */
final class Profiles {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** A profile written whole, trusted to be the stored one until {@code fullUntil} (epoch milliseconds). */
    record Written(long fingerprint, long fullUntil) {}

    private Profiles() {}

    /**
     * FNV-1a over the values, each ended by a separator that no value contains and with {@code null} distinct from
     * every text, so that shifting characters from one value into the next changes the fingerprint.
     */
    static long fingerprint(String... values) {
        long h = OFFSET;
        for (String v : values) {
            if (v == null) {
                h = (h ^ 0xFFFF) * PRIME;
            } else {
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    h = (h ^ (c & 0xFF)) * PRIME;
                    h = (h ^ (c >>> 8)) * PRIME;
                }
            }
            h = (h ^ 0x1_0000) * PRIME;
        }
        return h;
    }
}
