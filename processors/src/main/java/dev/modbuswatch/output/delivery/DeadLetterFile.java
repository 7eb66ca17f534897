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

/** Records an output's endpoint refused for good, one JSON line each with the reason and the endpoint's answer. */
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
