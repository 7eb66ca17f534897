package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Two one-shot runs wrote the same output files, line for line, {@code EventReceivedTime} aside. */
final class SameOutputFiles {

    static final List<String> OUTPUT_FILES = List.of("events.jsonl", "alerts.jsonl", "transactions.jsonl",
            "anomalies.jsonl");
    /** The only field whose value depends on when the run happened. */
    private static final String RECEIVED_TIME = "EventReceivedTime";
    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertSame(OneShotProcess expected, String expectedName, OneShotProcess actual, String actualName)
            throws IOException {
        assertThat(written(actual.output())).as("output files written by the %s run", actualName)
                .containsExactlyElementsOf(written(expected.output()));
        for (String file : written(expected.output())) {
            List<String> expectedLines = withoutReceivedTime(expected.output().resolve(file));
            List<String> actualLines = withoutReceivedTime(actual.output().resolve(file));
            for (int line = 0; line < Math.min(expectedLines.size(), actualLines.size()); line++) {
                if (!expectedLines.get(line).equals(actualLines.get(line))) {
                    fail("%s line %d differs:%n  %s: %s%n  %s: %s", file, line + 1, expectedName,
                            expectedLines.get(line), actualName, actualLines.get(line));
                }
            }
            assertThat(actualLines.size()).as("%s: lines written by the %s run", file, actualName)
                    .isEqualTo(expectedLines.size());
        }
    }

    private static List<String> written(Path output) {
        return OUTPUT_FILES.stream().filter(file -> Files.exists(output.resolve(file))).toList();
    }

    /** Each line of a JSON-lines file with the receive time taken out (at any depth), fields otherwise in order. */
    private static List<String> withoutReceivedTime(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> {
            try {
                JsonNode record = JSON.readTree(line);
                removeReceivedTime(record);
                return JSON.writeValueAsString(record);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": not a JSON line: " + line, e);
            }
        }).toList();
    }

    private static void removeReceivedTime(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(RECEIVED_TIME);
        }
        node.forEach(SameOutputFiles::removeReceivedTime);
    }

    private SameOutputFiles() {
    }
}
