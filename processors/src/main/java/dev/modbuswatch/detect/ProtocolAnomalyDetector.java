package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.modbus.fields.ModbusEventFields;

import java.util.Map;

/**
 * {@code Protocol anomaly}: a malformed ADU, or bytes on a Modbus port that are not Modbus, at most one alert per
 * connection per interval (capture time), so a noisy peer cannot flood the alerts.
 */
public final class ProtocolAnomalyDetector {

    public static final String NAME = "Protocol anomaly";

    private final RecentByKey<TcpConnection> alerted;

    public ProtocolAnomalyDetector(long intervalMillis) {
        this.alerted = new RecentByKey<>(intervalMillis * 1_000_000L);
    }

    /** The last alert per connection, within the interval. */
    public RecentByKey<TcpConnection> recentAlerts() {
        return alerted;
    }

    /** A PDU that failed to decode; its event is tagged in place. */
    public Alert detect(ModbusMessage message) {
        if (message.pdu() != null) {
            return null;
        }
        return limited(message.adu().connection(), message.captureNanos(), message.event(),
                "malformed PDU: " + message.event().get(ModbusEventFields.MALFORMED_REASON));
    }

    /** Stream trouble that is not Modbus (a gap only means the capture missed bytes, and is not an alert). */
    public Alert detect(StreamAnomaly anomaly, Map<String, String> record) {
        if (anomaly.kind() != StreamAnomaly.Kind.MALFORMED_HEADER) {
            return null;
        }
        return limited(anomaly.connection(), anomaly.epochSecond() * 1_000_000_000L + anomaly.nanos(), record,
                "not Modbus/TCP: " + anomaly.detail());
    }

    private Alert limited(TcpConnection connection, long now, Map<String, String> event, String details) {
        if (alerted.seenWithinWindow(connection, now)) {
            return null;
        }
        alerted.mark(connection, now);
        return Alert.onEvent(NAME, event, details, null);
    }
}
