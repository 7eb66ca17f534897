package dev.modbuswatch.output;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.event.EventTimeFormat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a failed message becomes in dead-letter.jsonl, so nothing is lost: the error, and for an ADU (or a batch of
 * them) one record per ADU with its capture time, connection and bytes, enough to find it in the capture or replay it.
 */
public final class DeadLetterRecords {

    private final EventTimeFormat timeFormat;
    private final Clock clock;

    public DeadLetterRecords(EventTimeFormat timeFormat) {
        this(timeFormat, Clock.systemUTC());
    }

    DeadLetterRecords(EventTimeFormat timeFormat, Clock clock) {
        this.timeFormat = timeFormat;
        this.clock = clock;
    }

    public List<Map<String, String>> of(Object body, Throwable error, String routeId) {
        List<Map<String, String>> records = new ArrayList<>();
        if (body instanceof ModbusAdu adu) {
            records.add(record(adu, error, routeId));
        } else if (body instanceof ModbusMessage message) {
            records.add(record(message.adu(), error, routeId));
        } else if (body instanceof List<?> batch && !batch.isEmpty() && batch.get(0) instanceof ModbusAdu) {
            for (Object adu : batch) {
                records.add(record((ModbusAdu) adu, error, routeId));
            }
        } else {
            Map<String, String> record = header(error, routeId);
            record.put("body.type", body == null ? "null" : body.getClass().getName());
            record.put("body", String.valueOf(body));
            records.add(record);
        }
        return records;
    }

    private Map<String, String> record(ModbusAdu adu, Throwable error, String routeId) {
        Map<String, String> record = header(error, routeId);
        record.put("EventTime", timeFormat.format(adu.epochSecond(), adu.nanos()));
        record.put("client", adu.connection().client().getHostAddress() + ":" + adu.connection().clientPort());
        record.put("server", adu.connection().server().getHostAddress() + ":" + adu.connection().serverPort());
        record.put("direction", adu.fromServer() ? "response" : "request");
        record.put("modbus.trans_id", Integer.toString(adu.transactionId()));
        record.put("modbus.unit_id", Integer.toString(adu.unitId()));
        record.put("modbus.pdu", HexFormat.of().formatHex(adu.pdu()));
        return record;
    }

    private Map<String, String> header(Throwable error, String routeId) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("DeadLetterTime", timeFormat.format(clock.instant()));
        record.put("route", routeId);
        record.put("error", error == null ? "unknown" : error.getClass().getName() + ": " + error.getMessage());
        return record;
    }
}
