package org.sitekeeper.core.internal.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpRangeTest {

    private static byte[] ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal).getAddress();
    }

    @Test
    void ipv4BlockContainsItsAddressesOnly() throws Exception {
        IpRange range = IpRange.parse("10.0.0.0/8");

        assertThat(range.prefix()).isEqualTo(8);
        assertThat(range.contains(ip("10.0.0.0"))).isTrue();
        assertThat(range.contains(ip("10.255.255.255"))).isTrue();
        assertThat(range.contains(ip("11.0.0.0"))).isFalse();
        assertThat(range.contains(ip("9.255.255.255"))).isFalse();
    }

    @Test
    void prefixNotOnAByteBoundary() throws Exception {
        IpRange range = IpRange.parse("100.64.0.0/10");

        assertThat(range.contains(ip("100.64.0.1"))).isTrue();
        assertThat(range.contains(ip("100.127.255.255"))).isTrue();
        assertThat(range.contains(ip("100.128.0.0"))).isFalse();
        assertThat(range.contains(ip("100.63.255.255"))).isFalse();
    }

    @Test
    void ipv6Block() throws Exception {
        IpRange range = IpRange.parse("fc00::/7");

        assertThat(range.contains(ip("fc00::1"))).isTrue();
        assertThat(range.contains(ip("fdff:ffff::1"))).isTrue();
        assertThat(range.contains(ip("fe00::1"))).isFalse();
    }

    @Test
    void bareAddressIsASingleHost() throws Exception {
        assertThat(IpRange.parse("192.0.2.7").prefix()).isEqualTo(32);
        assertThat(IpRange.parse("192.0.2.7").contains(ip("192.0.2.7"))).isTrue();
        assertThat(IpRange.parse("192.0.2.7").contains(ip("192.0.2.8"))).isFalse();
        assertThat(IpRange.parse("2001:db8::1").prefix()).isEqualTo(128);
        assertThat(IpRange.parse("2001:db8::1").contains(ip("2001:db8::1"))).isTrue();
    }

    @Test
    void ipv4MappedBlockIsTheIpv4BlockItCarries() throws Exception {
        IpRange mapped = IpRange.parse("::ffff:10.0.0.0/104");

        assertThat(mapped.prefix()).isEqualTo(8);
        assertThat(mapped.contains(ip("10.1.2.3"))).isTrue();
        assertThat(mapped.contains(ip("11.0.0.1"))).isFalse();
        assertThat(IpRange.parse("::ffff:127.0.0.1").prefix()).isEqualTo(32);
        assertThat(IpRange.parse("::ffff:0:0/96").contains(ip("192.0.2.1"))).isTrue();
    }

    @Test
    void ipv4MappedBlockWiderThanTheMappedSpaceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpRange.parse("::ffff:0:0/80"))
                .withMessageContaining("at least 96");
    }

    @Test
    void hostBitsInTheNetworkAreIgnored() throws Exception {
        IpRange range = IpRange.parse("10.1.2.3/8");

        assertThat(range.contains(ip("10.200.0.1"))).isTrue();
        assertThat(range).hasToString("10.1.2.3/8");
    }

    @Test
    void zeroPrefixContainsTheWholeFamilyOnly() throws Exception {
        IpRange any4 = IpRange.parse("0.0.0.0/0");

        assertThat(any4.contains(ip("203.0.113.9"))).isTrue();
        assertThat(any4.contains(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void familiesNeverMatchEachOther() throws Exception {
        assertThat(IpRange.parse("::/0").contains(ip("10.0.0.1"))).isFalse();
        assertThat(IpRange.parse("10.0.0.0/8").contains(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void surroundingWhitespaceIsIgnored() throws Exception {
        assertThat(IpRange.parse(" 127.0.0.0/8 ").contains(ip("127.0.0.1"))).isTrue();
    }

    @Test
    void equalityIsByText() {
        assertThat(IpRange.parse("10.0.0.0/8")).isEqualTo(IpRange.parse(" 10.0.0.0/8"));
        assertThat(IpRange.parse("10.0.0.0/8")).hasSameHashCodeAs(IpRange.parse("10.0.0.0/8"));
        assertThat(IpRange.parse("10.0.0.0/8")).isNotEqualTo(IpRange.parse("10.0.0.0/9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cafe", "example.com", "localhost", "", "/8", "10.0.0", "1::g", "cafe:", "10.0.0.0/8/8"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse(text));
    }

    @Test
    void refusesAHostNameWithoutLookingItUp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpRange.parse("cafe"))
                .withMessage("not an IP address or CIDR block: cafe");
    }

    /** These names resolve in the test hosts file, so parsing them as addresses would need a lookup. */
    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "10.0.0.256/8", ".1::"})
    void refusesAddressLookalikesWithoutLookingThemUp(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpRange.parse(text))
                .withMessage("not an IP address or CIDR block: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "10.0.0.01/8"})
    void refusesAmbiguousLeadingZeros(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "fc00::/129"})
    void refusesPrefixOutOfRange(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpRange.parse(text))
                .withMessageContaining("prefix length out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/", "10.0.0.0/x", "10.0.0.0/8.5"})
    void refusesBadPrefix(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpRange.parse(text))
                .withMessageContaining("bad prefix length");
    }
}
