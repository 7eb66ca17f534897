package dev.modbuswatch.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTextTest {

    @ParameterizedTest
    @CsvSource({
        "192.168.56.10, 192.168.56.10",
        "2001:db8:0:0:0:0:0:10, 2001:db8::10",
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "fe80:0:0:0:1:0:0:0, fe80::1:0:0:0",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:1:1:1:0:1, 2001:db8:1:1:1:1:0:1",
        "2001:DB8:ABCD:0:0:0:0:0, 2001:db8:abcd::"
    })
    void printsAsRfc5952(String address, String expected) throws Exception {
        assertThat(IpAddressText.of(InetAddress.getByName(address))).isEqualTo(expected);
    }
}
