package org.sitekeeper.core.internal.egress;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of the egress policy, in plain Java: which schemes, which addresses. Addresses in the deny
 * ranges are refused unless an allowed network contains them. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
final class EgressRules {

    /** The built-in deny ranges with the reason given to users. */
    static final Map<String, String> DEFAULT_DENIED = defaultDenied();

    private final Set<String> schemes;
    private final List<Map.Entry<IpRange, String>> denied;
    private final List<IpRange> allowed;

    EgressRules(Set<String> schemes, List<String> extraDenied, List<String> allowedNetworks) {
        this.schemes =
                schemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        List<Map.Entry<IpRange, String>> deny = new ArrayList<>();
        DEFAULT_DENIED.forEach((cidr, reason) -> deny.add(Map.entry(IpRange.parse(cidr), reason)));
        extraDenied.forEach(cidr -> deny.add(Map.entry(IpRange.parse(cidr), "denied network " + cidr.strip())));
        this.denied = List.copyOf(deny);
        this.allowed = allowedNetworks.stream().map(IpRange::parse).toList();
    }

    boolean allowsScheme(String scheme) {
        return scheme != null && schemes.contains(scheme.toLowerCase(Locale.ROOT));
    }

    Set<String> schemes() {
        return schemes;
    }

    /** Why {@code address} is refused, or empty when allowed. */
    Optional<String> denialReason(InetAddress address) {
        byte[] raw = address.getAddress();
        byte[] judged = embeddedIpv4(raw).orElse(raw);
        for (IpRange range : allowed) {
            if (range.contains(raw) || range.contains(judged)) {
                return Optional.empty();
            }
        }
        for (Map.Entry<IpRange, String> range : denied) {
            if (range.getKey().contains(raw) || range.getKey().contains(judged)) {
                return Optional.of(range.getValue());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address carried by an IPv6 address, for the forms that carry one. */
    static Optional<byte[]> embeddedIpv4(byte[] ip) {
        if (ip.length != 16) {
            return Optional.empty();
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= ip[i] == 0;
        }
        boolean mapped = firstTenZero && ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF; // ::ffff:a.b.c.d
        boolean compatible = firstTenZero && ip[10] == 0 && ip[11] == 0 && !isZeroOrOne(ip); // ::a.b.c.d
        boolean nat64 = ip[0] == 0x00
                && ip[1] == 0x64
                && ip[2] == (byte) 0xFF
                && ip[3] == (byte) 0x9B
                && allZero(ip, 4, 12); // 64:ff9b::a.b.c.d
        if (mapped || compatible || nat64) {
            return Optional.of(java.util.Arrays.copyOfRange(ip, 12, 16));
        }
        if (ip[0] == 0x20 && ip[1] == 0x02) { // 2002:aabb:ccdd::/48 (6to4)
            return Optional.of(java.util.Arrays.copyOfRange(ip, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean isZeroOrOne(byte[] ip) {
        return allZero(ip, 0, 15) && (ip[15] == 0 || ip[15] == 1); // :: and ::1 are judged as IPv6
    }

    private static boolean allZero(byte[] ip, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> defaultDenied() {
        Map<String, String> ranges = new LinkedHashMap<>();
        ranges.put("0.0.0.0/8", "an unspecified address");
        ranges.put("10.0.0.0/8", "a private network");
        ranges.put("100.64.0.0/10", "a carrier-grade NAT network");
        ranges.put("127.0.0.0/8", "a loopback address");
        ranges.put("169.254.0.0/16", "a link-local address (cloud metadata)");
        ranges.put("172.16.0.0/12", "a private network");
        ranges.put("192.0.0.0/24", "an IETF protocol address");
        ranges.put("192.0.2.0/24", "a documentation network");
        ranges.put("192.168.0.0/16", "a private network");
        ranges.put("198.18.0.0/15", "a benchmarking network");
        ranges.put("198.51.100.0/24", "a documentation network");
        ranges.put("203.0.113.0/24", "a documentation network");
        ranges.put("224.0.0.0/4", "a multicast address");
        ranges.put("240.0.0.0/4", "a reserved address");
        ranges.put("::/128", "an unspecified address");
        ranges.put("::1/128", "a loopback address");
        ranges.put("100::/64", "a discard address");
        ranges.put("64:ff9b:1::/48", "a local-use NAT64 network");
        ranges.put("2001::/32", "a Teredo tunnel address");
        ranges.put("2001:db8::/32", "a documentation network");
        ranges.put("fc00::/7", "a private network (unique local)");
        ranges.put("fe80::/10", "a link-local address");
        ranges.put("fec0::/10", "a site-local address");
        ranges.put("ff00::/8", "a multicast address");
        return ranges;
    }
}
