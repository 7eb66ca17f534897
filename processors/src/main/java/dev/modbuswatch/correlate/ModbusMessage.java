package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.modbus.ModbusPdu;

import java.util.Map;

/**
 * One Modbus PDU on its way through the routes: the ADU as captured, its decoded PDU (null when malformed) and its
 * event. The event map is the one written to events.jsonl; detections tag it in place before it is written.
 */
public record ModbusMessage(ModbusAdu adu, ModbusPdu pdu, Map<String, String> event) {

    public boolean isResponse() {
        return adu.fromServer();
    }

    /** Capture time in nanoseconds since the epoch. */
    public long captureNanos() {
        return adu.epochSecond() * 1_000_000_000L + adu.nanos();
    }
}
