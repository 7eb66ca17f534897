package dev.modbuswatch.output.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.file.OutputFilePolicy;
import dev.modbuswatch.output.file.RotationInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void deadLettersAreWholeLinesRotatedBySizeLikeTheOtherOutputFiles() throws IOException {
        OutputFilePolicy rotateAt400Bytes = new OutputFilePolicy(true, 400, RotationInterval.NONE, false,
                Duration.ZERO, 0, 1 << 20, Duration.ofSeconds(1));
        DeadLetterFile file = new DeadLetterFile(folder.resolve("syslog-undelivered.jsonl"), "syslog",
                rotateAt400Bytes);
        for (int record = 1; record <= 10; record++) {
            file.write(Map.of("SecurityAlert", "Bad login", "modbus.trans_id", Integer.toString(record)),
                    "spool full");
        }

        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(names).as("rotated with their time span in the name").hasSizeGreaterThan(2)
                .contains("syslog-undelivered.jsonl")
                .allMatch(name -> name.matches("syslog-undelivered(-\\d{8}T\\d{6}Z-\\d{8}T\\d{6}Z(\\.\\d+)?)?\\.jsonl"));
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            for (String line : Files.readAllLines(folder.resolve(name))) {
                ids.add(JSON.readTree(line).path("record").path("modbus.trans_id").asText());
            }
        }
        assertThat(ids).as("every record once, none split").hasSize(10)
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void withoutAPolicyTheFileIsNeverRotated() throws IOException {
        DeadLetterFile file = new DeadLetterFile(folder.resolve("dead.jsonl"), "fake");
        for (int record = 1; record <= 50; record++) {
            file.write(Map.of("n", Integer.toString(record)), "refused");
        }
        assertThat(Files.readAllLines(folder.resolve("dead.jsonl"))).hasSize(50);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
    }
}
