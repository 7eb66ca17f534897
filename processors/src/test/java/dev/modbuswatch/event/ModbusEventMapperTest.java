package dev.modbuswatch.event;

import static dev.modbuswatch.event.NetworkFieldsTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.modbus.Hex;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole events, NXLog im_pcap style, from framed ADUs. */
class ModbusEventMapperTest {

    /** The seed's failed login: client 192.168.56.10:39565, device 192.168.56.20:502. */
    private static final TcpConnection SEED =
            new TcpConnection(address("192.168.56.10"), 39565, address("192.168.56.20"), 502);
    private static final TcpConnection IPV6 =
            new TcpConnection(address("2001:db8:56::10"), 50123, address("2001:db8:56::20"), 502);

    /** 2025-11-22T08:27:40Z. */
    private static final long CAPTURED = 1_763_800_060L;
    private static final Instant RECEIVED = Instant.parse("2025-11-22T08:27:41.500Z");
    private static final Clock CLOCK = Clock.fixed(RECEIVED, ZoneOffset.UTC);

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private final ModbusEventMapper mapper = new ModbusEventMapper(EventTimeFormat.of("UTC"), "pcap_in", CLOCK);

    @Test
    void seedWriteMultipleRegistersRequest() {
        ModbusAdu request = adu(CAPTURED, 4_000_000, SEED, false, PSH | ACK, 7, 10,
                "10 001f 0006 0c 0061 0062 0063 0064 0065 0066");

        assertThat(mapper.toEvent(request)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.004000+00:00"),
                entry("ipv4.src", "192.168.56.10"),
                entry("ipv4.dst", "192.168.56.20"),
                entry("tcp.src_port", "39565"),
                entry("tcp.dst_port", "502"),
                entry("tcp.flag", "[PSH, ACK]"),
                entry("modbus.trans_id", "7"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "19"),
                entry("modbus.unit_id", "10"),
                entry("modbus.function_code", "Write Multiple Registers (16)"),
                entry("modbus.query.write_multiple_registers.starting_address", "31"),
                entry("modbus.query.write_multiple_registers.qty_of_regs", "6"),
                entry("modbus.query.write_multiple_registers.byte_count", "12"),
                entry("modbus.query.write_multiple_registers.registers", "97, 98, 99, 100, 101, 102"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void seedIllegalDataAddressResponse() {
        ModbusAdu response = adu(CAPTURED, 5_000_000, SEED, true, PSH | ACK, 7, 10, "90 02");

        assertThat(mapper.toEvent(response)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.005000+00:00"),
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"),
                entry("tcp.flag", "[PSH, ACK]"),
                entry("modbus.trans_id", "7"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "3"),
                entry("modbus.unit_id", "10"),
                entry("modbus.function_code", "Write Multiple Registers Error (0x90)"),
                entry("modbus.response.write_multiple_registers.exc_code", "Illegal Data Address (02)"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void readHoldingRegistersRequestAndResponseSwapAddressesAndPorts() {
        Map<String, String> request = mapper.toEvent(
                adu(CAPTURED, 1_000, SEED, false, ACK, 9, 10, "03 0000 0005"));
        Map<String, String> response = mapper.toEvent(
                adu(CAPTURED, 2_000, SEED, true, ACK, 9, 10, "03 0a 0096 0190 0001 0000 0185"));

        assertThat(request).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.000001+00:00"),
                entry("ipv4.src", "192.168.56.10"),
                entry("ipv4.dst", "192.168.56.20"),
                entry("tcp.src_port", "39565"),
                entry("tcp.dst_port", "502"),
                entry("tcp.flag", "[ACK]"),
                entry("modbus.trans_id", "9"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "6"),
                entry("modbus.unit_id", "10"),
                entry("modbus.function_code", "Read Holding Registers (03)"),
                entry("modbus.query.read_holding_registers.starting_address", "0"),
                entry("modbus.query.read_holding_registers.qty_of_regs", "5"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
        assertThat(response).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.000002+00:00"),
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"),
                entry("tcp.flag", "[ACK]"),
                entry("modbus.trans_id", "9"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "13"),
                entry("modbus.unit_id", "10"),
                entry("modbus.function_code", "Read Holding Registers (03)"),
                entry("modbus.response.read_holding_registers.byte_count", "10"),
                entry("modbus.response.read_holding_registers.registers", "150, 400, 1, 0, 389"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void ipv6ConnectionGivesIpv6Fields() {
        Map<String, String> request = mapper.toEvent(adu(CAPTURED, 0, IPV6, false, PSH | ACK, 1, 1, "06 0001 abcd"));
        Map<String, String> response = mapper.toEvent(adu(CAPTURED, 0, IPV6, true, PSH | ACK, 1, 1, "06 0001 abcd"));

        assertThat(request).doesNotContainKeys("ipv4.src", "ipv4.dst")
                .containsEntry("ipv6.src", "2001:db8:56::10")
                .containsEntry("ipv6.dst", "2001:db8:56::20")
                .containsEntry("tcp.src_port", "50123")
                .containsEntry("tcp.dst_port", "502")
                .containsEntry("modbus.query.write_single_register.register_value", "43981");
        assertThat(response).doesNotContainKeys("ipv4.src", "ipv4.dst")
                .containsEntry("ipv6.src", "2001:db8:56::20")
                .containsEntry("ipv6.dst", "2001:db8:56::10")
                .containsEntry("tcp.src_port", "502")
                .containsEntry("tcp.dst_port", "50123")
                .containsEntry("modbus.response.write_single_register.register_value", "43981");
        assertThat(List.copyOf(request.keySet()).subList(0, 6))
                .containsExactly("EventTime", "ipv6.src", "ipv6.dst", "tcp.src_port", "tcp.dst_port", "tcp.flag");
    }

    @Test
    void tcpFlagIsThatOfTheCompletingSegment() {
        assertThat(flagOf(ACK)).isEqualTo("[ACK]");
        assertThat(flagOf(PSH | ACK)).isEqualTo("[PSH, ACK]");
        assertThat(flagOf(SYN | ACK)).isEqualTo("[SYN, ACK]");
        assertThat(flagOf(FIN | PSH | ACK)).isEqualTo("[FIN, PSH, ACK]");
        assertThat(flagOf(0xFF)).isEqualTo("[FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]");
    }

    @Test
    void eventTimeKeepsNanosecondsOfNanosecondCaptures() {
        Map<String, String> event = mapper.toEvent(adu(CAPTURED, 123_456_789, SEED, false, ACK, 1, 1, "03 0000 0001"));

        assertThat(event).containsEntry("EventTime", "2025-11-22T08:27:40.123456789+00:00");
    }

    @Test
    void bothTimesUseTheConfiguredZone() {
        ModbusEventMapper berlin = new ModbusEventMapper(EventTimeFormat.of("Europe/Berlin"), "plant_a", CLOCK);

        Map<String, String> event = berlin.toEvent(adu(CAPTURED, 329_000_000, SEED, false, ACK, 1, 1, "03 0000 0001"));

        assertThat(event)
                .containsEntry("EventTime", "2025-11-22T09:27:40.329000+01:00")
                .containsEntry("EventReceivedTime", "2025-11-22T09:27:41.500000+01:00")
                .containsEntry("SourceModuleName", "plant_a")
                .containsEntry("SourceModuleType", "im_pcap");
    }

    @Test
    void eventReceivedTimeIsReadFromTheClockForEachEvent() {
        ArrayDeque<Instant> ticks = new ArrayDeque<>(List.of(
                Instant.parse("2025-11-22T08:27:41Z"), Instant.parse("2025-11-22T08:27:42.000000007Z")));
        Clock ticking = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ticks.remove();
            }
        };
        ModbusEventMapper mapperWithTicks = new ModbusEventMapper(EventTimeFormat.of("UTC"), "pcap_in", ticking);
        ModbusAdu adu = adu(CAPTURED, 0, SEED, false, ACK, 1, 1, "03 0000 0001");

        assertThat(mapperWithTicks.toEvent(adu)).containsEntry("EventReceivedTime", "2025-11-22T08:27:41.000000+00:00");
        assertThat(mapperWithTicks.toEvent(adu)).containsEntry("EventReceivedTime", "2025-11-22T08:27:42.000000007+00:00");
    }

    @Test
    void thePublicConstructorUsesTheSystemClock() {
        ModbusEventMapper live = new ModbusEventMapper(EventTimeFormat.of("UTC"), "pcap_in");
        Instant before = Instant.now();

        Map<String, String> event = live.toEvent(adu(CAPTURED, 0, SEED, false, ACK, 1, 1, "03 0000 0001"));

        Instant after = Instant.now();
        assertThat(event.get("EventReceivedTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6,9}\\+00:00");
        assertThat(OffsetDateTime.parse(event.get("EventReceivedTime")).toInstant()).isBetween(before, after);
    }

    @Test
    void truncatedReadHoldingRegistersResponseIsMalformed() {
        ModbusAdu truncated = adu(CAPTURED, 0, SEED, true, PSH | ACK, 9, 10, "03 04 000a");

        assertThat(mapper.toEvent(truncated)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.000000+00:00"),
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"),
                entry("tcp.flag", "[PSH, ACK]"),
                entry("modbus.trans_id", "9"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "5"),
                entry("modbus.unit_id", "10"),
                entry("modbus.function_code", "Read Holding Registers (03)"),
                entry("modbus.malformed", "true"),
                entry("modbus.malformed_reason", "Read Holding Registers response: byte count 4 but 2 bytes follow"),
                entry("modbus.raw_pdu", "0304000a"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void malformedRequestKeepsItsFunctionCodeAndRawPdu() {
        ModbusAdu request = adu(CAPTURED, 0, SEED, false, PSH | ACK, 7, 10, "10 0000 0003 06 0061");

        Map<String, String> event = mapper.toEvent(request);

        assertThat(event)
                .containsEntry("modbus.function_code", "Write Multiple Registers (16)")
                .containsEntry("modbus.malformed", "true")
                .containsEntry("modbus.malformed_reason",
                        "Write Multiple Registers request: byte count 6 but 2 bytes follow")
                .containsEntry("modbus.raw_pdu", "1000000003060061")
                .doesNotContainKey("modbus.query.write_multiple_registers.starting_address");
    }

    @Test
    void exceptionResponseWithAStrayTrailingByteKeepsItsExceptionCodeAndIsMalformed() {
        ModbusAdu response = adu(CAPTURED, 0, SEED, true, PSH | ACK, 3, 1, "81 06 00");

        assertThat(mapper.toEvent(response)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.000000+00:00"),
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"),
                entry("tcp.flag", "[PSH, ACK]"),
                entry("modbus.trans_id", "3"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "4"),
                entry("modbus.unit_id", "1"),
                entry("modbus.function_code", "Read Coils Error (0x81)"),
                entry("modbus.response.read_coils.exc_code", "Server Device Busy (06)"),
                entry("modbus.malformed", "true"),
                entry("modbus.malformed_reason", "Read Coils exception response: 3 bytes, expected 2"),
                entry("modbus.raw_pdu", "810600"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void exceptionResponseWithoutItsCodeIsMalformedWithoutExcCode() {
        Map<String, String> event = mapper.toEvent(adu(CAPTURED, 0, SEED, true, PSH | ACK, 3, 1, "90"));

        assertThat(event)
                .containsEntry("modbus.function_code", "Write Multiple Registers Error (0x90)")
                .containsEntry("modbus.malformed", "true")
                .containsEntry("modbus.malformed_reason", "Write Multiple Registers exception response: 1 byte, expected 2")
                .containsEntry("modbus.raw_pdu", "90")
                .doesNotContainKey("modbus.response.write_multiple_registers.exc_code");
    }

    @Test
    void theAduIsLeftUnchangedSoItMapsTheSameTwice() {
        ModbusAdu truncated = adu(CAPTURED, 0, SEED, true, PSH | ACK, 9, 10, "03 04 000a");
        byte[] pduBefore = truncated.pdu().clone();

        Map<String, String> first = mapper.toEvent(truncated);
        Map<String, String> second = mapper.toEvent(truncated);

        assertThat(truncated.pdu()).isEqualTo(pduBefore);
        assertThat(second).containsExactlyEntriesOf(first).containsEntry("modbus.raw_pdu", "0304000a");
    }

    @Test
    void mbapHeaderFieldsAreUnsignedDecimal() {
        ModbusAdu adu = new ModbusAdu(CAPTURED, 0, SEED, false, ACK, 65535, 0, 6, 255, Hex.parse("03 0000 0001"));

        assertThat(mapper.toEvent(adu))
                .containsEntry("modbus.trans_id", "65535")
                .containsEntry("modbus.prot_id", "0")
                .containsEntry("modbus.length", "6")
                .containsEntry("modbus.unit_id", "255");
    }

    private String flagOf(int flags) {
        return mapper.toEvent(adu(CAPTURED, 0, SEED, false, flags, 1, 1, "03 0000 0001")).get("tcp.flag");
    }

    /** An ADU as the framer builds it: protocol 0, MBAP length = unit ID + PDU. */
    private static ModbusAdu adu(long epochSecond, int nanos, TcpConnection connection, boolean fromServer,
                                 int tcpFlags, int transactionId, int unitId, String pduHex) {
        byte[] pdu = Hex.parse(pduHex);
        return new ModbusAdu(epochSecond, nanos, connection, fromServer, tcpFlags, transactionId, 0, pdu.length + 1,
                unitId, pdu);
    }
}
