package dev.modbuswatch.app;

import dev.modbuswatch.it.SampleAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed scenario on Camel Quarkus: the one-shot command on samples/seed-scenario.pcap raises exactly the alert the
 * camel-main run raises (OneShotRunIT checks the same record on the camel-main jar; QuarkusRuntimeIT compares all files).
 */
@QuarkusMainTest
class QuarkusSeedScenarioTest {

    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path output;

    @Test
    void seedScenarioRaisesTheBadLoginAlert(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = launcher.launch("--capture", PROJECT.resolve("samples/seed-scenario.pcap").toString(),
                "--output", output.toString());

        assertThat(result.exitCode()).as("exit code; stderr:\n%s", result.getErrorOutput()).isZero();
        assertThat(jsonLines("alerts.jsonl")).singleElement().satisfies(SampleAlert::assertIsTheSamplesBadLogin);
        List<Map<String, String>> events = jsonLines("events.jsonl");
        assertThat(events).hasSize(6);
        assertThat(events.get(5)).containsEntry("SecurityAlert", "Bad login");
        assertThat(events.get(1)).containsEntry("modbus.register.temperature", "38.9");
        assertThat(result.getErrorOutput()).contains("transactions: ok 2, exception 1, timeout 0, orphan 0")
                .contains("alerts: Bad login 1");
    }

    @Test
    void unreadableCaptureExitsWithTwoAndWritesNothing(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--capture", PROJECT.resolve("pom.xml").toString(),
                "--output", output.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("modbus-watch: cannot read ");
        assertThat(output.resolve("events.jsonl")).doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> jsonLines(String name) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : Files.readAllLines(output.resolve(name), StandardCharsets.UTF_8)) {
            records.add(JSON.readValue(line, Map.class));
        }
        return records;
    }
}
