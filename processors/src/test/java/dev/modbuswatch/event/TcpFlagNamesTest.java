package dev.modbuswatch.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tcp.flag}: the names of the set flags in bit order (FIN first), as tshark and NXLog print them. */
class TcpFlagNamesTest {

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "10; [ACK]",
        "18; [PSH, ACK]",
        "12; [SYN, ACK]",
        "02; [SYN]",
        "11; [FIN, ACK]",
        "14; [RST, ACK]",
        "19; [FIN, PSH, ACK]",
        "38; [PSH, ACK, URG]",
        "c2; [SYN, ECE, CWR]",
        "ff; [FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]",
        "00; []",
    })
    void namesTheSetFlagsInBitOrder(String hexFlags, String expected) {
        assertThat(TcpFlagNames.of(Integer.parseInt(hexFlags, 16))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "118; [PSH, ACK]",
        "1ff; [FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]",
        "100; []",
    })
    void bitsAboveTheEightFlagsAreIgnored(String hexFlags, String expected) {
        assertThat(TcpFlagNames.of(Integer.parseInt(hexFlags, 16))).isEqualTo(expected);
    }
}
