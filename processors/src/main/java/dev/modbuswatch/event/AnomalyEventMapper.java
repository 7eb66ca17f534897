package dev.modbuswatch.event;

import dev.modbuswatch.component.pcap.StreamAnomaly;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream anomaly as a record for anomalies.jsonl, with the same network and source fields as the events. A capture
 * gap concerns no one connection: it has no network fields and no byte count.
 */
public final class AnomalyEventMapper {

    private final EventTimeFormat timeFormat;
    private final SourceModule sourceModule;

    public AnomalyEventMapper(EventTimeFormat timeFormat, String moduleName) {
        this(timeFormat, moduleName, Clock.systemUTC());
    }

    AnomalyEventMapper(EventTimeFormat timeFormat, String moduleName, Clock clock) {
        this.timeFormat = timeFormat;
        this.sourceModule = new SourceModule(timeFormat, moduleName, clock);
    }

    public Map<String, String> toEvent(StreamAnomaly anomaly) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("EventTime", timeFormat.format(anomaly.epochSecond(), anomaly.nanos()));
        if (anomaly.connection() != null) {
            NetworkFields.append(anomaly.connection(), anomaly.fromServer(), event);
        }
        event.put("modbus.anomaly", anomaly.kind().name());
        if (anomaly.kind() != StreamAnomaly.Kind.CAPTURE_GAP) {
            event.put("modbus.anomaly_bytes", Long.toString(anomaly.bytes()));
        }
        event.put("modbus.anomaly_detail", anomaly.detail());
        sourceModule.append(event);
        return event;
    }
}
