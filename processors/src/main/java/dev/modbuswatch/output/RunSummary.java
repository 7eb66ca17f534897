package dev.modbuswatch.output;

import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.TransactionStatus;
import dev.modbuswatch.detect.Alert;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the routes produced: transactions by status, alerts by name, malformed PDUs, dead letters, records the output
 * files could not take. For the end-of-run summary.
 */
public final class RunSummary {

    private final Map<TransactionStatus, LongAdder> transactions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> alerts = new ConcurrentHashMap<>();
    private final LongAdder malformedPdus = new LongAdder();
    private final LongAdder deadLetters = new LongAdder();
    private final Map<String, LongAdder> notWritten = new ConcurrentHashMap<>();

    public void transaction(ModbusTransaction transaction) {
        transactions.computeIfAbsent(transaction.status(), status -> new LongAdder()).increment();
    }

    public void alert(Alert alert) {
        alerts.computeIfAbsent(alert.name(), name -> new LongAdder()).increment();
    }

    public void malformedPdu() {
        malformedPdus.increment();
    }

    /** @param records how many records the failed message became in dead-letter.jsonl */
    public void deadLetters(java.util.List<?> records) {
        deadLetters.add(records.size());
    }

    /** Records an output file gave up on (too many held while it could not be written, or still held at the stop). */
    public void notWritten(String file, long records) {
        notWritten.computeIfAbsent(file, name -> new LongAdder()).add(records);
    }

    /** By file name; empty when every record was written. */
    public Map<String, Long> notWrittenByFile() {
        Map<String, Long> counts = new TreeMap<>();
        notWritten.forEach((file, count) -> counts.put(file, count.sum()));
        return counts;
    }

    public long deadLetters() {
        return deadLetters.sum();
    }

    /** Every status, zero included, in declaration order. */
    public Map<TransactionStatus, Long> transactionsByStatus() {
        Map<TransactionStatus, Long> counts = new EnumMap<>(TransactionStatus.class);
        for (TransactionStatus status : TransactionStatus.values()) {
            LongAdder count = transactions.get(status);
            counts.put(status, count == null ? 0 : count.sum());
        }
        return counts;
    }

    public Map<String, Long> alertsByName() {
        Map<String, Long> counts = new TreeMap<>();
        alerts.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }

    public long malformedPdus() {
        return malformedPdus.sum();
    }
}
