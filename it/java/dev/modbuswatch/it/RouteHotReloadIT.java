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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload of the YAML routes: the packaged jar runs continuously over the sample capture with camel-main's route
 * reload on; the route file is edited while it runs, and the same process replaces its routes with the edited ones
 * and runs them (the capture file is read again by the new capture route).
 */
class RouteHotReloadIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SAMPLE_PDUS = 6;
    private static final String EVENTS_STEP = "fileName: events.jsonl";
    private static final String RELOADED_EVENTS_STEP = "fileName: events-reloaded.jsonl";
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

            jar.await("Camel to reload the routes", () -> jar.count("Routes reloaded summary") >= 1);
            jar.await("the reloaded capture route to finish the file again", () -> jar.count("Capture ended") == 2);
            assertThat(withoutReceivedTime(jsonLines(reloadedEvents))).as("events written by the edited route%s",
                    jar.log()).isEqualTo(withoutReceivedTime(original));
            assertThat(jsonLines(events)).as("events.jsonl, which the reloaded routes no longer write%s", jar.log())
                    .isEqualTo(original);
            assertThat(jar.count("Routes reloaded summary")).as("reloads for one edit%s", jar.log()).isEqualTo(1);

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

    /** {@code java -jar modbus-watch.jar ARGS} in continuous mode, stderr kept in a file; killed on close. */
    private static final class RunningJar implements AutoCloseable {

        private final Process process;
        private final Path stderr;

        private RunningJar(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        static RunningJar start(Path workingDirectory, Path stderr, String... arguments) throws IOException {
            Path jar = Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")).toAbsolutePath();
            assertThat(jar).as("the packaged jar (mvn package builds it)").exists();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            return new RunningJar(process, stderr);
        }

        void await(String what, BooleanSupplier condition) throws InterruptedException {
            Instant deadline = Instant.now().plus(WAIT);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("modbus-watch exited with " + process.exitValue() + " while waiting for "
                            + what + log());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + log());
                }
                Thread.sleep(100);
            }
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive() && ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false);
        }

        Instant startInstant() {
            return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().startInstant()).orElse(null);
        }

        int count(String text) {
            Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(stderrText());
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            return count;
        }

        List<String> lines(String text) {
            return stderrText().lines().filter(line -> line.contains(text)).toList();
        }

        /** The child's stderr, for assertion messages. */
        String log() {
            return "\n--- modbus-watch stderr (" + stderr + ") ---\n" + stderrText();
        }

        private String stderrText() {
            try {
                return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(cannot read " + stderr + ": " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("modbus-watch (PID " + process.pid() + ") did not end after SIGKILL");
            }
        }
    }
}
