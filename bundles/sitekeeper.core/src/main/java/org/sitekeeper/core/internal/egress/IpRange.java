package org.sitekeeper.core.internal.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 CIDR block, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a /32 or /128. */
record IpRange(byte[] network, int prefix, String text) {

    /** Four decimal octets of 0 to 255 without leading zeros (which some parsers read as octal). */
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /**
     * Starts with a hex digit or a colon and holds a colon: {@link InetAddress#getByName} then parses it as a
     * literal and fails rather than asking DNS.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    static IpRange parse(String cidr) {
        String value = cidr.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a checked literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
        }
        // InetAddress turns ::ffff:a.b.c.d into a.b.c.d; such a block is the IPv4 block it carries
        boolean mapped = bytes.length == 4 && address.indexOf(':') >= 0;
        int bits = mapped ? 128 : bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range in " + cidr);
        }
        if (mapped) {
            if (prefix < 96) {
                throw new IllegalArgumentException(
                        "the prefix length of an IPv4-mapped block must be at least 96 in " + cidr);
            }
            prefix -= 96;
        }
        return new IpRange(mask(bytes, prefix), prefix, value);
    }

    /** Whether {@code address} (of the same family) lies in this block. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(address, prefix), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
