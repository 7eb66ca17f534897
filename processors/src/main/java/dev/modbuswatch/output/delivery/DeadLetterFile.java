package dev.modbuswatch.output.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modbuswatch.output.file.JsonLinesFile;
import dev.modbuswatch.output.file.OutputFilePolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records an output gave up on (refused for good by its endpoint, or impossible to send), one JSON line each with the
 * reason and, where there was one, the endpoint's answer; written as whole lines, held while the disk is full, and
 * rotated and kept like the other output files (see {@link JsonLinesFile#ofItsOwn}).
 */
public final class DeadLetterFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Held in memory while the file cannot be written, without rotation: the one-shot run's, and tests'. */
    private static final long HOLD_BYTES = 16L << 20;

    private final JsonLinesFile file;
    private final String output;

    /** Never rotated. */
    public DeadLetterFile(Path file, String output) {
        this(file, output, OutputFilePolicy.withoutRotation(HOLD_BYTES));
    }

    /**
     * @param policy rotation, retention and holding, as for the other output files (records given up because the file
     *               could not be written for long are logged by the file)
     */
    public DeadLetterFile(Path file, String output, OutputFilePolicy policy) {
        this.file = JsonLinesFile.ofItsOwn(file, policy, Clock.systemUTC(), (name, records) -> { });
        this.output = output;
    }

    public Path file() {
        return file.path();
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
        Files.createDirectories(file.path().getParent());
        file.maintain();
        file.append(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
