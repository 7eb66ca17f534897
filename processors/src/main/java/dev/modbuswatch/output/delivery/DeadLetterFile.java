package dev.modbuswatch.output.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records an output gave up on (refused for good by its endpoint, or impossible to send), one JSON line each with the
 * reason and, where there was one, the endpoint's answer.
 */
public final class DeadLetterFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String output;

    public DeadLetterFile(Path file, String output) {
        this.file = file;
        this.output = output;
    }

    public Path file() {
        return file;
    }

    /** A record given up without an answer from the endpoint (it could not be sent at all). */
    public void write(Map<String, String> record, String reason) throws IOException {
        write(List.of(JSON.writeValueAsString(record)), reason, null);
    }

    synchronized void write(List<String> records, String reason, HttpAnswer answer) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String record : records) {
            ObjectNode line = JSON.createObjectNode()
                    .put("time", Instant.now().toString())
                    .put("output", output)
                    .put("reason", reason);
            if (answer != null) {
                line.put("response.status", answer.status()).put("response.body", answer.body());
            }
            line.set("record", JSON.readTree(record));
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
