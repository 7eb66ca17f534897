package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar captures live on one end of a veth pair whose other end is in a second network namespace, where a
 * pymodbus server refuses passphrase writes (exception 02) sent by mbpoll. The veth is deleted and created again while
 * the jar runs: the outage is logged, capture resumes, the next bad login is alerted and the outage is a
 * {@code CAPTURE_GAP} record. Then the veth is deleted again and the jar stopped during the outage. A second test starts
 * the jar before the veth exists: it keeps running, retries, and captures once the veth is created. Skipped, saying
 * why, without root (CAP_NET_ADMIN for {@code ip netns}), mbpoll or pymodbus (scripts/install-prerequisites.sh --test).
 */
class CaptureOutageIT {

    private static final int PORT = 21502;
    private static final String CAPTURE_INTERFACE = "mwcapit0";
    private static final String PEER_INTERFACE = "mwcapit1";
    private static final String CAPTURE_ADDRESS = "10.213.7.2";
    private static final String SERVER_ADDRESS = "10.213.7.1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SERVER_SCRIPT = """
            import sys
            from pymodbus.server import StartTcpServer
            from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
            # 20 holding registers: a write over register 31 (the passphrase) is refused with exception 02
            store = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, [0] * 20), zero_mode=True)
            StartTcpServer(context=ModbusServerContext(slaves=store, single=True), address=("0.0.0.0", int(sys.argv[1])))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path project = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    private final String suffix = Long.toString(ProcessHandle.current().pid());
    private final String captureNamespace = "mwcap-it-" + suffix + "-c";
    private final String peerNamespace = "mwcap-it-" + suffix + "-p";

    @TempDir
    private Path temp;

    @Test
    @Timeout(240)
    void captureSurvivesItsInterfaceBeingDeletedAndCreatedAgain() throws Exception {
        assumeTools();
        Path out = temp.resolve("out");
        Path log = temp.resolve("modbus-watch.log");
        try (AutoCloseable namespaces = createNamespaces(true);
             Spawned server = startServer();
             Spawned jar = inCaptureNamespace(log, javaCommand("-Dmodbus.capture.uri=pcap:live:" + CAPTURE_INTERFACE,
                     "-Dmodbus.capture.ports=" + PORT, "-Dmodbus.output.dir=" + out))) {
            jar.await("the capture to start", () -> jar.count("Capturing Modbus/TCP from live " + CAPTURE_INTERFACE) == 1);
            badLogin();
            jar.await("the first Bad login", () -> badLogins(out) == 1);

            ip("-n", captureNamespace, "link", "del", CAPTURE_INTERFACE);
            jar.await("the ERROR about the deleted interface", () -> jar.count("ERROR") >= 1);
            assertThat(jar.lines("ERROR")).as("the ERROR%s", jar.log()).singleElement().asString()
                    .contains("Capture on interface " + CAPTURE_INTERFACE + " failed: The interface disappeared");
            Thread.sleep(1500);
            createVeth();
            Instant created = Instant.now();
            jar.await("capture on the new interface", () -> jar.count("Capturing on interface " + CAPTURE_INTERFACE
                    + " again after") == 1);
            assertThat(Duration.between(created, Instant.now())).as("time to resume after the interface came back%s",
                    jar.log()).isLessThan(Duration.ofSeconds(10));

            badLogin();
            jar.await("the Bad login sent after the interface came back", () -> badLogins(out) == 2);
            assertThat(records(out.resolve("events.jsonl"))).as("events: two writes and their answers").hasSize(4);
            jar.await("the capture gap record", () -> captureGaps(out).size() == 1);
            Map<String, String> gap = captureGaps(out).get(0);
            assertThat(gap.get("modbus.anomaly_detail")).matches("interface " + CAPTURE_INTERFACE
                    + " unavailable for \\d+\\.\\d s: The interface disappeared");
            assertThat(gap).doesNotContainKeys("ipv4.src", "tcp.dst_port", "modbus.anomaly_bytes")
                    .containsKeys("EventTime", "EventReceivedTime", "SourceModuleName");
            assertThat(jar.lines("Stream anomaly")).as("no route WARN besides the capture's own lines%s", jar.log())
                    .isEmpty();
            assertThat(alertNames(out)).as("alerts: a capture gap is not the peer's doing").containsOnly("Bad login");

            ip("-n", captureNamespace, "link", "del", CAPTURE_INTERFACE);
            jar.await("the ERROR about the second outage", () -> jar.count("ERROR") == 2);
            Instant stopping = Instant.now();
            jar.process.destroy();
            assertThat(jar.process.waitFor(20, TimeUnit.SECONDS)).as("stopped during an outage%s", jar.log()).isTrue();
            assertThat(Duration.between(stopping, Instant.now())).as("time to stop during an outage%s", jar.log())
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(jar.lines("Capture ended")).as("the statistics at the end%s", jar.log()).singleElement()
                    .asString().contains("outages=CaptureOutages[count=2,");
            assertThat(captureGaps(out)).hasSize(2).last().extracting(record -> record.get("modbus.anomaly_detail"))
                    .asString().contains("until the capture stopped");
            assertThat(jar.count("ERROR")).as("ERROR lines, one per outage%s", jar.log()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(240)
    void captureStartsWhenItsInterfaceAppearsAfterTheJar() throws Exception {
        assumeTools();
        Path out = temp.resolve("out");
        Path log = temp.resolve("modbus-watch.log");
        try (AutoCloseable namespaces = createNamespaces(false);
             Spawned jar = inCaptureNamespace(log, javaCommand("-Dmodbus.capture.uri=pcap:live:" + CAPTURE_INTERFACE,
                     "-Dmodbus.capture.ports=" + PORT, "-Dmodbus.output.dir=" + out))) {
            jar.await("the ERROR about the missing interface", () -> jar.count("ERROR") >= 1);
            assertThat(jar.lines("ERROR")).as("the ERROR%s", jar.log()).singleElement().asString()
                    .contains("Capture on interface " + CAPTURE_INTERFACE + " cannot start: ")
                    .contains("No such device exists");
            Thread.sleep(3000);
            assertThat(jar.count("Capturing")).as("no capture announced before the interface exists%s", jar.log())
                    .isZero();
            assertThat(jar.process.isAlive()).as("still running without its interface%s", jar.log()).isTrue();

            createVeth();
            Instant created = Instant.now();
            jar.await("capture on the new interface", () -> jar.count("Capturing Modbus/TCP from live "
                    + CAPTURE_INTERFACE) == 1);
            assertThat(Duration.between(created, Instant.now())).as("time to start once the interface exists%s",
                    jar.log()).isLessThan(Duration.ofSeconds(10));
            assertThat(jar.lines("Capturing on interface " + CAPTURE_INTERFACE)).as("the INFO%s", jar.log())
                    .singleElement().asString().contains("it could not be opened at start");

            try (Spawned server = startServer()) {
                badLogin();
                jar.await("the Bad login sent after the interface appeared", () -> badLogins(out) == 1);
            }
            jar.await("the capture gap record", () -> captureGaps(out).size() == 1);
            assertThat(captureGaps(out).get(0).get("modbus.anomaly_detail")).matches("interface " + CAPTURE_INTERFACE
                    + " unavailable for \\d+\\.\\d s from the start of the capture: .*No such device exists");
            jar.process.destroy();
            assertThat(jar.process.waitFor(20, TimeUnit.SECONDS)).as("stopped%s", jar.log()).isTrue();
            assertThat(jar.lines("Capture ended")).as("the statistics at the end%s", jar.log()).singleElement()
                    .asString().contains("outages=CaptureOutages[count=1,");
            assertThat(jar.count("ERROR")).as("ERROR lines%s", jar.log()).isEqualTo(1);
        }
    }

    private void assumeTools() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mbpoll")),
                "mbpoll is missing: run scripts/install-prerequisites.sh --test");
        Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import pymodbus.server")) == 0,
                "pymodbus for " + PYTHON + " is missing: run scripts/install-prerequisites.sh --test");
        Assumptions.assumeTrue(run(List.of("ip", "netns", "list")) == 0,
                "`ip netns` is not available: this test needs iproute2");
    }

    /** Both namespaces and maybe the veth pair between them; on close the namespaces go, and the veth with them. */
    private AutoCloseable createNamespaces(boolean withVeth) throws Exception {
        int added = run(List.of("ip", "netns", "add", captureNamespace));
        Assumptions.assumeTrue(added == 0, "cannot create a network namespace (" + captureNamespace + "): this test"
                + " needs root or CAP_NET_ADMIN");
        AutoCloseable cleanup = () -> {
            run(List.of("ip", "netns", "del", captureNamespace));
            run(List.of("ip", "netns", "del", peerNamespace));
        };
        try {
            ip("netns", "add", peerNamespace);
            ip("-n", captureNamespace, "link", "set", "lo", "up");
            ip("-n", peerNamespace, "link", "set", "lo", "up");
            if (withVeth) {
                createVeth();
            }
        } catch (Exception | AssertionError e) {
            cleanup.close();
            throw e;
        }
        return cleanup;
    }

    private void createVeth() throws Exception {
        ip("-n", captureNamespace, "link", "add", CAPTURE_INTERFACE, "type", "veth", "peer", "name", PEER_INTERFACE,
                "netns", peerNamespace);
        ip("-n", captureNamespace, "addr", "add", CAPTURE_ADDRESS + "/24", "dev", CAPTURE_INTERFACE);
        ip("-n", peerNamespace, "addr", "add", SERVER_ADDRESS + "/24", "dev", PEER_INTERFACE);
        ip("-n", captureNamespace, "link", "set", CAPTURE_INTERFACE, "up");
        ip("-n", peerNamespace, "link", "set", PEER_INTERFACE, "up");
    }

    /** The pymodbus server in the peer namespace, once it answers a read. */
    private Spawned startServer() throws Exception {
        Path script = Files.writeString(temp.resolve("server.py"), SERVER_SCRIPT);
        Spawned server = Spawned.start(temp.resolve("server.log"),
                List.of("ip", "netns", "exec", peerNamespace, PYTHON, script.toString(), Integer.toString(PORT)));
        try {
            for (int attempt = 0; attempt < 30; attempt++) {
                if (mbpoll("1") == 0) {
                    return server;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the pymodbus server did not answer" + server.log());
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** One write of a wrong passphrase (registers 31-33, one-based 32), which the server refuses with exception 02. */
    private void badLogin() throws Exception {
        int exit = mbpoll("32", "97", "98", "99");
        assertThat(exit).as("mbpoll's exit code for a refused write").isNotZero();
    }

    /** mbpoll in the capture namespace, one request: a read of one register, or a write of the values given. */
    private int mbpoll(String reference, String... values) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", captureNamespace, "timeout", "10",
                "mbpoll", "-m", "tcp", "-p", Integer.toString(PORT), "-a", "10", "-t", "4", "-1", "-o", "2",
                "-r", reference));
        if (values.length == 0) {
            command.addAll(List.of("-c", "1"));
        }
        command.add(SERVER_ADDRESS);
        command.addAll(List.of(values));
        return run(command);
    }

    private Spawned inCaptureNamespace(Path log, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", captureNamespace));
        full.addAll(command);
        return Spawned.start(log, full);
    }

    private List<String> javaCommand(String... arguments) {
        Path jar = Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private void ip(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        assertThat(run(command)).as(String.join(" ", command)).isZero();
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 20 s");
        }
        return process.exitValue();
    }

    private static long badLogins(Path out) {
        return alertNames(out).stream().filter("Bad login"::equals).count();
    }

    private static List<String> alertNames(Path out) {
        return records(out.resolve("alerts.jsonl")).stream().map(alert -> alert.get("SecurityAlert")).toList();
    }

    private static List<Map<String, String>> captureGaps(Path out) {
        return records(out.resolve("anomalies.jsonl")).stream()
                .filter(record -> "CAPTURE_GAP".equals(record.get("modbus.anomaly"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> records(Path file) {
        List<Map<String, String>> records = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    records.add(JSON.readValue(line, Map.class));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return records;
    }

    /** A child process with its output in a file; killed on close. */
    private record Spawned(Process process, Path output) implements AutoCloseable {

        static Spawned start(Path output, List<String> command) throws IOException {
            return new Spawned(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start(), output);
        }

        void await(String what, BooleanSupplier condition) throws InterruptedException {
            Instant deadline = Instant.now().plus(WAIT);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("the process exited with " + process.exitValue() + " while waiting for "
                            + what + log());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + log());
                }
                Thread.sleep(100);
            }
        }

        long count(String text) {
            return lines(text).size();
        }

        List<String> lines(String text) {
            return text().lines().filter(line -> line.contains(text)).toList();
        }

        String log() {
            return "\n--- output (" + output + ") ---\n" + text();
        }

        private String text() {
            try {
                return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(cannot read " + output + ": " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("PID " + process.pid() + " did not end after SIGKILL");
            }
        }
    }
}
