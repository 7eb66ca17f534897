package dev.modbuswatch.output;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-lines file of the records a remote output could not deliver, each with the reason and the time, so they can be
 * sent again later: {@code {"UndeliveredTime":..., "reason":..., "record":{...}}}.
 */
public final class UndeliveredFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public UndeliveredFile(Path file) {
        this(file, Clock.systemUTC());
    }

    UndeliveredFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path path() {
        return file;
    }

    public synchronized void write(Map<String, String> record, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("UndeliveredTime", clock.instant().toString());
        line.put("reason", reason);
        line.put("record", record);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }
}
