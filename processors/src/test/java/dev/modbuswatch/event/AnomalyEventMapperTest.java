package dev.modbuswatch.event;

import static dev.modbuswatch.event.NetworkFieldsTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.StreamAnomaly.Kind;
import dev.modbuswatch.component.pcap.TcpConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records of anomalies.jsonl: the event's time, network and source fields around the anomaly. */
class AnomalyEventMapperTest {

    private static final TcpConnection SEED =
            new TcpConnection(address("192.168.56.10"), 39565, address("192.168.56.20"), 502);
    /** 2025-11-22T08:27:40Z. */
    private static final long CAPTURED = 1_763_800_060L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-22T08:27:41.500Z"), ZoneOffset.UTC);

    private final AnomalyEventMapper mapper = new AnomalyEventMapper(EventTimeFormat.of("UTC"), "pcap_in", CLOCK);

    @Test
    void gapInTheRequestDirection() {
        StreamAnomaly gap = new StreamAnomaly(CAPTURED, 329_000_000, SEED, false, Kind.GAP, 1460,
                "1460 bytes missing from the capture; resynchronising");

        assertThat(mapper.toEvent(gap)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.329000+00:00"),
                entry("ipv4.src", "192.168.56.10"),
                entry("ipv4.dst", "192.168.56.20"),
                entry("tcp.src_port", "39565"),
                entry("tcp.dst_port", "502"),
                entry("modbus.anomaly", "GAP"),
                entry("modbus.anomaly_bytes", "1460"),
                entry("modbus.anomaly_detail", "1460 bytes missing from the capture; resynchronising"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void malformedHeaderFromTheServer() {
        StreamAnomaly header = new StreamAnomaly(CAPTURED, 123_456_789, SEED, true, Kind.MALFORMED_HEADER, 18,
                "MBAP protocol identifier 4660 is not Modbus (0); skipping to the next segment"
                        + " (header bytes 0007123400060a)");

        assertThat(mapper.toEvent(header)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.123456789+00:00"),
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"),
                entry("modbus.anomaly", "MALFORMED_HEADER"),
                entry("modbus.anomaly_bytes", "18"),
                entry("modbus.anomaly_detail", "MBAP protocol identifier 4660 is not Modbus (0); skipping to the"
                        + " next segment (header bytes 0007123400060a)"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void incompleteAduOverIpv6InBerlinTime() {
        TcpConnection ipv6 = new TcpConnection(address("2001:db8::10"), 50123, address("2001:db8::20"), 502);
        AnomalyEventMapper berlin = new AnomalyEventMapper(EventTimeFormat.of("Europe/Berlin"), "plant_a", CLOCK);
        StreamAnomaly cut = new StreamAnomaly(CAPTURED, 5_000, ipv6, true, Kind.INCOMPLETE_ADU, 9,
                "the stream ended inside an ADU (9 of 15 bytes)");

        assertThat(berlin.toEvent(cut)).containsExactly(
                entry("EventTime", "2025-11-22T09:27:40.000005+01:00"),
                entry("ipv6.src", "2001:db8::20"),
                entry("ipv6.dst", "2001:db8::10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "50123"),
                entry("modbus.anomaly", "INCOMPLETE_ADU"),
                entry("modbus.anomaly_bytes", "9"),
                entry("modbus.anomaly_detail", "the stream ended inside an ADU (9 of 15 bytes)"),
                entry("EventReceivedTime", "2025-11-22T09:27:41.500000+01:00"),
                entry("SourceModuleName", "plant_a"),
                entry("SourceModuleType", "im_pcap"));
    }

    @Test
    void largeByteCountsAreWrittenInFull() {
        StreamAnomaly gap = new StreamAnomaly(CAPTURED, 0, SEED, false, Kind.GAP, 5_000_000_000L, "big hole");

        Map<String, String> record = mapper.toEvent(gap);

        assertThat(record).containsEntry("modbus.anomaly_bytes", "5000000000").doesNotContainKey("tcp.flag");
    }

    @Test
    void captureGapHasNoConnectionFieldsAndNoByteCount() {
        StreamAnomaly gap = new StreamAnomaly(CAPTURED, 329_000_000, null, false, Kind.CAPTURE_GAP, 0,
                "interface mwcap0 unavailable for 12.3 s: The interface disappeared");

        assertThat(mapper.toEvent(gap)).containsExactly(
                entry("EventTime", "2025-11-22T08:27:40.329000+00:00"),
                entry("modbus.anomaly", "CAPTURE_GAP"),
                entry("modbus.anomaly_detail", "interface mwcap0 unavailable for 12.3 s: The interface disappeared"),
                entry("EventReceivedTime", "2025-11-22T08:27:41.500000+00:00"),
                entry("SourceModuleName", "pcap_in"),
                entry("SourceModuleType", "im_pcap"));
    }
}
