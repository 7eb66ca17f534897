package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.component.pcap.source.LiveInterfaceSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloads and restarts of the continuous run keep the pipeline's state and raise no false alerts: the packaged jar
 * captures live on lo while mbpoll writes a passphrase to a pymodbus device that refuses it 3 s later (and, so that a
 * slow machine cannot make the test pass or fail by chance, not before the sensor is capturing again). Each test uses
 * its own port of the state range (24000-24999). The correlation timeout is raised to 60 s where the answer must still
 * be paired after a restart, which takes several seconds on a loaded machine (about 1.5 s on an idle one).
 */
class StateAcrossRestartsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_LOGIN = "Bad login";
    private static final String PAIRING_TIMEOUT = "-Dmodbus.correlation.timeout=60000";

    private final Path project = Path.of(System.getProperty("project.basedir", "."));
    private final List<Process> peers = new ArrayList<>();
    private final List<RunningJar> runs = new ArrayList<>();

    @TempDir
    Path temp;
    private Path work;
    private Path out;
    private Path release;

    @BeforeEach
    void prerequisites() throws Exception {
        assumeCapturePermitted();
        ModbusPeers.assumeInstalled();
        work = Files.createDirectories(temp.resolve("work"));
        out = temp.resolve("out");
        release = temp.resolve("release-the-answer");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (RunningJar run : runs) {
            run.close();
        }
        peers.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(300)
    void passphraseWritePendingAcrossSigtermAndRestartGivesItsBadLogin() throws Exception {
        int port = 24510;
        peers.add(ModbusPeers.device(port, 3, release));
        RunningJar first = start(port, PAIRING_TIMEOUT);
        peers.add(ModbusPeers.writePassphrase(port));
        awaitPendingRequest(first, port);
        first.stop();
        assertThat(Files.readString(out.resolve("pipeline-state.json"))).as("state saved at the stop")
                .contains("\"serverPort\":" + port);

        RunningJar second = start(port, PAIRING_TIMEOUT);
        assertThat(second.lines("Restored the state")).as("restore%s", second.log()).singleElement().asString()
                .contains("1 pending requests");
        Files.createFile(release);
        second.await("the Bad login", () -> alertNames().contains(BAD_LOGIN));
        second.stop();

        assertOneBadLoginAndNoFalseAlarm();
    }

    @Test
    @Timeout(300)
    void passphraseWritePendingAcrossKillAndRestartEndsUnobserved() throws Exception {
        int port = 24520;
        peers.add(ModbusPeers.device(port, 3, release));
        RunningJar first = start(port, "-Dmodbus.correlation.timeout=8000");
        peers.add(ModbusPeers.writePassphrase(port));
        awaitPendingRequest(first, port);
        first.await("the pending request in the state file (saved at most a second after it changed)",
                () -> fileText(out.resolve("pipeline-state.json")).contains("\"serverPort\":" + port));
        first.kill();

        // The answer never comes: the restored request outlives the timeout, unanswered.
        RunningJar second = start(port, "-Dmodbus.correlation.timeout=8000");
        second.await("the restored request to complete", () -> !records("transactions.jsonl").isEmpty());
        second.stop();

        assertThat(records("transactions.jsonl")).as("transactions").singleElement()
                .satisfies(t -> assertThat(t).containsEntry("transaction.status", "unobserved")
                        .containsEntry("transaction.request.function_code", "Write Multiple Registers (16)"));
        assertThat(alertNames()).as("alerts").doesNotContain("Unanswered write");
    }

    @Test
    @Timeout(300)
    void passphraseWritePendingAcrossAReloadOfAnotherRouteGivesItsBadLogin() throws Exception {
        reloadWhilePending(24530, "fileName: dead-letter.jsonl", "fileName: dead-letter-edited.jsonl");
    }

    @Test
    @Timeout(300)
    void passphraseWritePendingAcrossAReloadOfTheCaptureRouteGivesItsBadLogin() throws Exception {
        reloadWhilePending(24540, "message: \"Capture ended: ", "message: \"Capture stopped: ");
    }

    private void reloadWhilePending(int port, String from, String to) throws Exception {
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.copy(project.resolve("routes/modbus-events.yaml"), routes.resolve("modbus-events.yaml"));
        peers.add(ModbusPeers.device(port, 3, release));
        RunningJar run = start(port, PAIRING_TIMEOUT, "--dev");
        peers.add(ModbusPeers.writePassphrase(port));
        awaitPendingRequest(run, port);

        replaceInRouteFile(routes.resolve("modbus-events.yaml"), from, to);
        run.await("the routes to reload", () -> run.count("Routes reloaded from modbus-events.yaml") >= 1);
        if (run.count("Capture ended") > 0) {
            run.awaitCapturing(2);
        }
        Files.createFile(release);
        run.await("the Bad login", () -> alertNames().contains(BAD_LOGIN));
        run.stop();

        assertOneBadLoginAndNoFalseAlarm();
    }

    @Test
    @Timeout(400)
    void bruteForceAcrossTwoRestartsIsOneAlert() throws Exception {
        int port = 24550;
        peers.add(ModbusPeers.device(port, 0, null));
        // A window longer than the three runs take on a loaded machine.
        String window = "-Dmodbus.detect.brute-force.window=600000";
        int sent = 0;
        for (int logins : new int[] {3, 5, 5}) {
            RunningJar run = start(port, window);
            for (int i = 0; i < logins; i++) {
                ModbusPeers.writePassphraseAndWait(port);
            }
            int expected = sent += logins;
            run.await(expected + " bad logins", () -> count(alertNames(), BAD_LOGIN) >= expected);
            run.stop();
        }

        assertThat(count(alertNames(), BAD_LOGIN)).as("bad logins").isEqualTo(13);
        assertThat(count(alertNames(), "Login brute force")).as("brute-force alerts for one attack")
                .isEqualTo(1);
    }

    @Test
    @Timeout(300)
    void unusableStateFileIsSetAsideInOneLineAndTheRunGoesOn() throws Exception {
        int port = 24560;
        Files.createDirectories(out);
        Files.writeString(out.resolve("pipeline-state.json"), "{\"format\":\"modbus-watch-state/1\",\"transac",
                StandardCharsets.UTF_8);
        peers.add(ModbusPeers.device(port, 0, null));
        RunningJar run = start(port);

        assertThat(run.lines("pipeline-state.json")).as("lines about the state file%s", run.log()).singleElement()
                .asString().contains("WARN").contains("is unusable").contains("moved to");
        assertThat(files(name -> name.startsWith("pipeline-state.json.unusable-"))).as("the file set aside")
                .hasSize(1);
        ModbusPeers.writePassphraseAndWait(port);
        run.await("the Bad login after the start", () -> alertNames().contains(BAD_LOGIN));
        run.stop();

        assertThat(JSON.readTree(out.resolve("pipeline-state.json").toFile()).path("format").asText())
                .as("the state saved at the stop").isEqualTo("modbus-watch-state/1");
    }

    private RunningJar start(int port, String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Dmodbus.capture.uri=pcap:live:lo",
                "-Dmodbus.capture.ports=" + port, "-Dmodbus.output.dir=" + out));
        arguments.addAll(List.of(settings));
        RunningJar run = RunningJar.start(work, temp.resolve("run-" + (runs.size() + 1) + ".stderr"),
                arguments.toArray(String[]::new));
        runs.add(run);
        run.awaitCapturing(1);
        return run;
    }

    /** The request's event is written: it reached the aggregator and waits there for its answer. */
    private void awaitPendingRequest(RunningJar run, int port) throws InterruptedException {
        run.await("the passphrase write's event", () -> records("events.jsonl").stream().anyMatch(event ->
                String.valueOf(port).equals(event.get("tcp.dst_port"))));
    }

    private void assertOneBadLoginAndNoFalseAlarm() throws IOException {
        assertThat(alertNames()).as("alerts").containsExactly(BAD_LOGIN);
        assertThat(records("transactions.jsonl")).as("transactions").singleElement()
                .satisfies(t -> assertThat(t).containsEntry("transaction.status", "exception"));
    }

    private List<String> alertNames() {
        return records("alerts.jsonl").stream().map(alert -> alert.get("SecurityAlert")).toList();
    }

    private static long count(List<String> names, String name) {
        return names.stream().filter(name::equals).count();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> records(String file) {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : fileText(out.resolve(file)).lines().toList()) {
            try {
                records.add(JSON.readValue(line, Map.class));
            } catch (IOException partialLine) {
                break;
            }
        }
        return records;
    }

    private static String fileText(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> files(Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).filter(name).toList();
        }
    }

    /** Saved as many editors do: a new file renamed over the old one. */
    private static void replaceInRouteFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.split(Pattern.quote(from), -1)).as("occurrences of '%s' in %s", from, file).hasSize(2);
        Path edited = file.resolveSibling(file.getFileName() + ".edited");
        Files.writeString(edited, text.replace(from, to), StandardCharsets.UTF_8);
        Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void assumeCapturePermitted() {
        try (LiveInterfaceSource probe = new LiveInterfaceSource("lo", "tcp port 1", 65535, false, 10, 1 << 20)) {
            probe.next();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "live capture on lo is not possible here (" + e.getMessage()
                    + "); run as root or give java CAP_NET_RAW and CAP_NET_ADMIN to run this test");
        }
    }
}
