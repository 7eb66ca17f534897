package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.StreamAnomaly.Kind;
import dev.modbuswatch.component.pcap.TcpConnection;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stream anomalies are the peer's doing (an alert) and which only the sensor's (none). */
class ProtocolAnomalyDetectorTest {

    private static final TcpConnection CONNECTION =
            new TcpConnection(InetAddress.getLoopbackAddress(), 40000, InetAddress.getLoopbackAddress(), 502);

    private final ProtocolAnomalyDetector detector = new ProtocolAnomalyDetector(60_000);

    @Test
    void bytesThatAreNotModbusAreAnAlert() {
        StreamAnomaly notModbus = new StreamAnomaly(1_000, 0, CONNECTION, false, Kind.MALFORMED_HEADER, 18,
                "MBAP protocol identifier 4660 is not Modbus (0)");

        assertThat(detector.detect(notModbus, new HashMap<>(Map.of("modbus.anomaly", "MALFORMED_HEADER"))))
                .extracting(Alert::name).isEqualTo(ProtocolAnomalyDetector.NAME);
    }

    @Test
    void aCaptureGapIsTheSensorsTroubleAndNoAlert() {
        StreamAnomaly outage = new StreamAnomaly(1_000, 0, null, false, Kind.CAPTURE_GAP, 0,
                "interface mwcap0 unavailable for 12.3 s: The interface disappeared");

        assertThat(detector.detect(outage, Map.of("modbus.anomaly", "CAPTURE_GAP"))).isNull();
    }
}
