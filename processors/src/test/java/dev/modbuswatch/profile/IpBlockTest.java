package dev.modbuswatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpBlockTest {

    /** Every text form Java reads as an IPv6 literal gives the same bytes here. */
    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1::", "2001:db8::20", "2001:DB8:0:0:8:800:200C:417A", "fe80::1:2",
            "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::8", "::13.1.68.3", "64:ff9b::192.0.2.33",
            "0:0:0:0:0:0:0:0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:2:3:4:5:6:1.2.3.4"})
    void ipv6AsJavaReadsIt(String text) throws Exception {
        assertThat(IpBlock.parseIpv6(text)).containsExactly(InetAddress.getByName(text).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1",
            ":1::", "1::2:", "1:2:3:4:5:6:7:8::", "::1.2.3", "::1.2.3.4:5", "1.2.3.4::", "::٣", "::1/64",
            "::ffff:1.2.3.04"})
    void notIpv6(String text) {
        assertThat(IpBlock.parseIpv6(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "192.168.56.20", "10.0.0.1"})
    void ipv4(String text) throws Exception {
        assertThat(IpBlock.parseIpv4(text)).containsExactly(InetAddress.getByName(text).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "1..3.4", "1.2.3.4 ",
            "0x1.2.3.4", "1.2.3.٤", "1000.2.3.4"})
    void notIpv4(String text) {
        assertThat(IpBlock.parseIpv4(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/0", "11.0.0.0/7", "::/-1", "::/1234", "a", "10.0.0.0/8 ", "/8", "10.0.0.0/8/8",
            "10.0.0.0/+8"})
    void notABlock(String text) {
        assertThatThrownBy(() -> IpBlock.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void matchesByPrefix() {
        IpBlock v4 = IpBlock.parse("10.1.0.0/16");
        assertThat(v4.matches4(0x0A01_FFFF)).isTrue();
        assertThat(v4.matches4(0x0A02_0000)).isFalse();
        assertThat(v4.matches6(0, 0)).isFalse();
        assertThat(v4).hasToString("10.1.0.0/16");

        IpBlock all6 = IpBlock.parse("::/0");
        assertThat(all6.matches6(-1L, -1L)).isTrue();
        assertThat(all6.matches4(0)).isFalse();

        IpBlock host6 = IpBlock.parse("2001:db8::1");
        assertThat(host6.prefixLength).isEqualTo(128);
        assertThat(host6.matches6(0x2001_0db8_0000_0000L, 1)).isTrue();
        assertThat(host6.matches6(0x2001_0db8_0000_0000L, 2)).isFalse();

        IpBlock all4 = IpBlock.parse("0.0.0.0/0");
        assertThat(all4.matches4(0)).isTrue();
        assertThat(all4.matches4(-1)).isTrue();
    }
}
