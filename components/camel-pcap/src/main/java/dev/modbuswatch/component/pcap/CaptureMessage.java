package dev.modbuswatch.component.pcap;

import java.util.List;
import java.util.Map;

/**
 * One message for the route as the capture thread made it, waiting in the queue to the route.
 *
 * @param type    one of the {@code PcapConstants.TYPE_*} values
 * @param headers the headers particular to this message (beside the type and the source)
 */
record CaptureMessage(String type, Object body, Map<String, Object> headers) {

    static CaptureMessage adus(List<ModbusAdu> batch) {
        return new CaptureMessage(PcapConstants.TYPE_ADUS, batch, Map.of());
    }

    static CaptureMessage anomaly(StreamAnomaly anomaly) {
        return new CaptureMessage(PcapConstants.TYPE_ANOMALY, anomaly, Map.of());
    }

    static CaptureMessage tick(long epochNanos) {
        return new CaptureMessage(PcapConstants.TYPE_TICK, null, Map.of(PcapConstants.TIME, epochNanos));
    }

    /** @param failure why capture stopped early, or null */
    static CaptureMessage endOfCapture(CaptureStatistics statistics, String failure) {
        Map<String, Object> headers = failure == null
                ? Map.of(PcapConstants.STATISTICS, statistics)
                : Map.of(PcapConstants.STATISTICS, statistics, PcapConstants.FAILURE, failure);
        return new CaptureMessage(PcapConstants.TYPE_END_OF_CAPTURE, List.of(), headers);
    }

    boolean isEndOfCapture() {
        return PcapConstants.TYPE_END_OF_CAPTURE.equals(type);
    }
}
