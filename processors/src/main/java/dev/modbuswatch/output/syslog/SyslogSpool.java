package dev.modbuswatch.output.syslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.DiskSpool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syslog records that wait for the server on disk, in a {@link DiskSpool} (the Azure outputs' format: one JSON
 * record per line, one file per appended batch), at most {@code maxBytes} of them.
 */
public final class SyslogSpool {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> RECORD = new TypeReference<>() {
    };

    private final DiskSpool spool;
    private final long maxBytes;

    /** One batch of spooled records, oldest first; {@code unreadable} are lines that are not a record. */
    record Batch(DiskSpool.Segment segment, List<Map<String, String>> records, List<String> unreadable) {
    }

    public SyslogSpool(DiskSpool spool, long maxBytes) {
        this.spool = spool;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    Path folder() {
        return spool.folder();
    }

    long records() {
        return spool.records();
    }

    boolean isEmpty() {
        return spool.isEmpty();
    }

    /**
     * Appends the records, in order, as far as they fit under the limit.
     *
     * @return the records that did not fit (the last ones), empty when all did
     * @throws IOException when the spool could not be written: then none of them is in it
     */
    List<Map<String, String>> append(List<Map<String, String>> records) throws IOException {
        long room = maxBytes - spool.bytes();
        List<String> lines = new ArrayList<>(records.size());
        for (Map<String, String> record : records) {
            String line = json(record);
            room -= line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (room < 0) {
                break;
            }
            lines.add(line);
        }
        spool.append(lines);
        return records.subList(lines.size(), records.size());
    }

    Optional<Batch> oldest() throws IOException {
        Optional<DiskSpool.Segment> oldest = spool.oldest();
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String line : oldest.get().records()) {
            try {
                records.add(JSON.readValue(line, RECORD));
            } catch (JsonProcessingException e) {
                unreadable.add(line);
            }
        }
        return Optional.of(new Batch(oldest.get(), records, unreadable));
    }

    /** Puts these records in the batch's place (none: removes it). */
    void replace(Batch batch, List<Map<String, String>> remaining) throws IOException {
        List<String> lines = new ArrayList<>(remaining.size());
        for (Map<String, String> record : remaining) {
            lines.add(json(record));
        }
        spool.replace(batch.segment(), lines);
    }

    private static String json(Map<String, String> record) throws JsonProcessingException {
        return JSON.writeValueAsString(record);
    }
}
