package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload of the YAML routes: the packaged jar runs continuously over the sample capture with camel-main's route
 * reload on; the capture route's output file is edited while it runs, and the same process replaces that route (the
 * only one changed) and runs it: the new capture route reads the capture file again.
 */
class RouteHotReloadIT {

    private static final int SAMPLE_PDUS = 6;
    private static final String EVENTS_STEP = "fileName: events.jsonl";
    private static final String RELOADED_EVENTS_STEP = "fileName: events-reloaded.jsonl";
    private static final String RELOADED = "Routes reloaded from modbus-events.yaml: 1 changed (modbus-capture), 19 unchanged";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path project = Path.of(System.getProperty("project.basedir", "."));

    @TempDir
    private Path temp;

    @Test
    @Timeout(120)
    void reloadsTheEditedRouteFileWithCamelMainSettings() throws Exception {
        Path routes = copyOfTheRoutes(temp.resolve("routes"));
        Path work = Files.createDirectories(temp.resolve("work"));
        Path out = temp.resolve("out");
        editWhileRunning(work, out, routes,
                "-Dcamel.main.routes-include-pattern=file:" + routes + "/*.yaml",
                "-Dcamel.main.routes-reload-enabled=true",
                "-Dcamel.main.routes-reload-directory=" + routes,
                "-Dcamel.main.routes-reload-pattern=*.yaml",
                "-Dmodbus.capture.uri=pcap:file:" + project.resolve("samples/seed-scenario.pcap").toAbsolutePath(),
                "-Dmodbus.output.dir=" + out);
    }

    @Test
    @Timeout(120)
    void devOptionWatchesTheRoutesFolderOfTheWorkingDirectory() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path routes = copyOfTheRoutes(work.resolve("routes"));
        Path out = temp.resolve("out");
        editWhileRunning(work, out, routes,
                "--dev",
                "-Dmodbus.capture.uri=pcap:file:" + project.resolve("samples/seed-scenario.pcap").toAbsolutePath(),
                "-Dmodbus.output.dir=" + out);
    }

    /**
     * Starts the jar in continuous mode, waits for the sample's events, sends the events to another file by editing
     * the route file, and checks that the running process reloaded the routes and ran them again.
     */
    private void editWhileRunning(Path work, Path out, Path routes, String... arguments) throws Exception {
        Path events = out.resolve("events.jsonl");
        Path reloadedEvents = out.resolve("events-reloaded.jsonl");
        try (RunningJar jar = RunningJar.start(work, temp.resolve("modbus-watch.stderr"), arguments)) {
            jar.await("the 6 events of the sample in " + events, () -> lineCount(events) >= SAMPLE_PDUS);
            jar.await("the end of the capture", () -> jar.count("Capture ended") == 1);
            List<Map<String, String>> original = jsonLines(events);
            assertThat(original).as("events before the edit%s", jar.log()).hasSize(SAMPLE_PDUS);
            Instant started = jar.startInstant();

            replaceInRouteFile(routes.resolve("modbus-events.yaml"), EVENTS_STEP, RELOADED_EVENTS_STEP);

            jar.await("the routes to be reloaded", () -> jar.count(RELOADED) >= 1);
            jar.await("the reloaded capture route to finish the file again", () -> jar.count("Capture ended") == 2);
            assertThat(withoutReceivedTime(jsonLines(reloadedEvents))).as("events written by the edited route%s",
                    jar.log()).isEqualTo(withoutReceivedTime(original));
            assertThat(jsonLines(events)).as("events.jsonl, which the reloaded routes no longer write%s", jar.log())
                    .isEqualTo(original);
            assertThat(jar.count("Routes reloaded from")).as("reloads for one edit%s", jar.log()).isEqualTo(1);

            assertThat(jar.isAlive()).as("the process is still running%s", jar.log()).isTrue();
            assertThat(jar.startInstant()).as("start time of process %d%s", jar.pid(), jar.log()).isEqualTo(started);
            assertThat(jar.count("Apache Camel (Main)")).as("camel-main boots%s", jar.log()).isEqualTo(1);
            assertThat(jar.lines(" ERROR ")).as("errors logged%s", jar.log()).isEmpty();
        }
    }

    private Path copyOfTheRoutes(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.copy(project.resolve("routes/modbus-events.yaml"), folder.resolve("modbus-events.yaml"));
        return folder;
    }

    /**
     * Saves the edited file as many editors do, as a new file renamed over the old one: one change event. (Writing into
     * the open file signals the truncation and the write separately, and Camel may then reload twice.)
     */
    private static void replaceInRouteFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.split(Pattern.quote(from), -1)).as("occurrences of '%s' in %s", from, file).hasSize(2);
        Path edited = file.resolveSibling(file.getFileName() + ".edited");
        Files.writeString(edited, text.replace(from, to), StandardCharsets.UTF_8);
        Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long lineCount(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The events of two runs over one capture differ only in when they were received. */
    private static List<Map<String, String>> withoutReceivedTime(List<Map<String, String>> events) {
        return events.stream().map(event -> {
            Map<String, String> copy = new LinkedHashMap<>(event);
            copy.remove("EventReceivedTime");
            return copy;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> jsonLines(Path file) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(JSON.readValue(line, Map.class));
            }
        }
        return records;
    }
}
