package dev.modbuswatch.output.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records that could not be written yet, for all output files together, in the order they came: at most
 * {@code limitBytes}. When more come, the newest records of the least important file are dropped first (events and
 * transactions before anomalies and dead letters, alerts last), so what is held stays continuous with what was
 * written. Callers synchronize on this object to work through a file's records.
 */
final class HeldRecords {

    private static final Logger LOG = LoggerFactory.getLogger(HeldRecords.class);

    /** One write's lines, never split. */
    record Lines(byte[] bytes, int records) {
    }

    private final long limitBytes;
    private final Map<JsonLinesFile, Deque<Lines>> byFile = new LinkedHashMap<>();
    private long heldBytes;
    private boolean overflowing;

    HeldRecords(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    synchronized boolean holds(JsonLinesFile file) {
        Deque<Lines> lines = byFile.get(file);
        return lines != null && !lines.isEmpty();
    }

    /** Holds the lines after those already held for the file, dropping what does not fit. */
    synchronized void hold(JsonLinesFile file, byte[] bytes) {
        Lines lines = new Lines(bytes, count(bytes));
        file.held(lines.records());
        byFile.computeIfAbsent(file, key -> new ArrayDeque<>()).addLast(lines);
        heldBytes += bytes.length;
        while (heldBytes > limitBytes) {
            JsonLinesFile victim = leastImportant();
            Lines dropped = byFile.get(victim).removeLast();
            heldBytes -= dropped.bytes().length;
            if (!overflowing) {
                overflowing = true;
                LOG.warn("Records held while output files cannot be written exceed {} bytes: dropping the newest,"
                        + " events and transactions first, alerts last (counted in the summary)", limitBytes);
            }
            victim.dropped(dropped.records());
        }
    }

    /** The oldest lines held for the file, or null. */
    synchronized Lines first(JsonLinesFile file) {
        Deque<Lines> lines = byFile.get(file);
        return lines == null ? null : lines.peekFirst();
    }

    /** The oldest lines of the file are written. */
    synchronized void removeFirst(JsonLinesFile file) {
        heldBytes -= byFile.get(file).removeFirst().bytes().length;
        if (heldBytes == 0) {
            overflowing = false;
        }
    }

    /** Drops everything held for the file; @return how many records */
    synchronized long dropAll(JsonLinesFile file) {
        long records = 0;
        Lines lines;
        while ((lines = first(file)) != null) {
            removeFirst(file);
            records += lines.records();
        }
        return records;
    }

    /** Of the files holding records, the one with the lowest priority, and of those the one holding the most. */
    private JsonLinesFile leastImportant() {
        JsonLinesFile least = null;
        long leastBytes = 0;
        for (Map.Entry<JsonLinesFile, Deque<Lines>> entry : byFile.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            long bytes = entry.getValue().stream().mapToLong(lines -> lines.bytes().length).sum();
            int order = least == null ? -1 : entry.getKey().priority().compareTo(least.priority());
            if (order < 0 || order == 0 && bytes > leastBytes) {
                least = entry.getKey();
                leastBytes = bytes;
            }
        }
        return least;
    }

    private static int count(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
