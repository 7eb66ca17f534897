package dev.modbuswatch.detect;

import dev.modbuswatch.correlate.ModbusTransaction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A security alert: its record for alerts.jsonl (an event with {@code SecurityAlert} and {@code SecurityDetails}) and
 * the transaction that raised it, when there is one.
 */
public record Alert(String name, Map<String, String> record, ModbusTransaction transaction) {

    public static final String ALERT_FIELD = "SecurityAlert";
    public static final String DETAILS_FIELD = "SecurityDetails";

    /**
     * Tags the event itself, so it is written to events.jsonl with the alert fields; when another alert tagged it
     * already, this alert goes on a copy.
     */
    static Alert onEvent(String name, Map<String, String> event, String details, ModbusTransaction transaction) {
        return event.containsKey(ALERT_FIELD)
                ? onCopy(name, event, details, transaction)
                : taggingInPlace(name, event, details, transaction);
    }

    private static Alert taggingInPlace(String name, Map<String, String> event, String details, ModbusTransaction transaction) {
        event.put(ALERT_FIELD, name);
        event.put(DETAILS_FIELD, details);
        return new Alert(name, event, transaction);
    }

    /** Leaves the event as it is (already written, or tagged by another alert) and alerts on a copy. */
    static Alert onCopy(String name, Map<String, String> event, String details, ModbusTransaction transaction) {
        Map<String, String> copy = new LinkedHashMap<>(event);
        copy.put(ALERT_FIELD, name);
        copy.put(DETAILS_FIELD, details);
        return new Alert(name, copy, transaction);
    }
}
