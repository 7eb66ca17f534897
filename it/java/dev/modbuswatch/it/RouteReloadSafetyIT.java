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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route file saved with a mistake while the sensor captures live traffic: the packaged jar runs with {@code --dev},
 * capturing on {@code lo}, while a real Modbus master (mbpoll) keeps sending bad logins to a real Modbus server
 * (pymodbus) on a port of its own. The running routes go on through the bad save (every bad login is alerted, every
 * PDU written), one ERROR says where the file is wrong, and the next good save replaces only the route it changes:
 * the capture is never restarted. Skipped, saying why, without live capture permission, mbpoll or pymodbus.
 */
class RouteReloadSafetyIT {

    private static final String LOOPBACK = "lo";
    private static final String PYTHON = "/usr/bin/python3";
    private static final String CAPTURING = "Capturing Modbus/TCP from live lo";
    private static final String ALERTS_STEP = "fileName: alerts.jsonl";
    private static final String FIXED_ALERTS_STEP = "fileName: alerts-after-fix.jsonl";
    private static final String ALERTS_RELOADED =
            "Routes reloaded from modbus-events.yaml: 1 changed (alerts), 19 unchanged";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(23510);

    private final Path project = Path.of(System.getProperty("project.basedir", "."));
    private final int port = NEXT_PORT.getAndIncrement();

    @TempDir
    private Path temp;

    private Path routeFile;
    private Path out;
    private String original;
    private Process server;
    private BadLogins badLogins;
    private RunningJar jar;

    @BeforeEach
    void sensorCapturingLiveTrafficBetweenRealPeers() throws Exception {
        assumeLiveCapture();
        assumePeers();
        Path work = Files.createDirectories(temp.resolve("work"));
        routeFile = Files.createDirectories(work.resolve("routes")).resolve("modbus-events.yaml");
        original = Files.readString(project.resolve("routes/modbus-events.yaml"), StandardCharsets.UTF_8);
        Files.writeString(routeFile, original, StandardCharsets.UTF_8);
        out = temp.resolve("out");
        server = startServer();
        jar = RunningJar.start(work, temp.resolve("modbus-watch.stderr"), "--dev",
                "-Dmodbus.capture.uri=pcap:live:" + LOOPBACK, "-Dmodbus.capture.ports=" + port,
                "-Dmodbus.output.dir=" + out);
        jar.await("the live capture", () -> jar.count(CAPTURING) == 1);
        badLogins = new BadLogins(port);
        badLogins.start();
        awaitBadLoginAlerts(2);
    }

    @AfterEach
    void stop() throws Exception {
        if (badLogins != null) {
            badLogins.stopSending();
        }
        if (jar != null) {
            jar.close();
        }
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(300)
    void yamlSyntaxErrorKeepsMonitoringAndTheFixedSaveReplacesOnlyItsRoute() throws Exception {
        String broken = original.replace("    id: alerts\n", "    id: alerts\n   bad: [indent\n");

        brokenSaveKeepsMonitoring(broken, "line " + lineOf(broken, "bad: [indent") + ", column 4: ");
    }

    @Test
    @Timeout(300)
    void unknownBeanKeepsMonitoringAndTheFixedSaveReplacesOnlyItsRoute() throws Exception {
        String broken = original.replace("ref: badLogin\n", "ref: badLoginTypo\n");

        brokenSaveKeepsMonitoring(broken, "line " + lineOf(broken, "ref: badLoginTypo") + ", column ",
                "route detect-bad-login: no bean named 'badLoginTypo'");
    }

    @Test
    @Timeout(300)
    void fileEmptiedThenWrittenInPlaceLeavesNoGap() throws Exception {
        try (OutputStream file = Files.newOutputStream(routeFile, StandardOpenOption.TRUNCATE_EXISTING)) {
            file.flush();
            jar.await("the reload to see the empty file", () -> jar.count("is empty") == 1);
            awaitBadLoginAlerts(badLoginAlerts() + 2);
            file.write(original.replace(ALERTS_STEP, FIXED_ALERTS_STEP).getBytes(StandardCharsets.UTF_8));
        }

        jar.await("the written file to be reloaded", () -> jar.count(ALERTS_RELOADED) == 1);
        awaitAlertsOfTheFixedRoute();
        awaitEverythingAlerted();
        assertThat(jar.lines(" ERROR ")).as("errors logged%s", jar.log()).isEmpty();
    }

    /**
     * Saves the broken file while bad logins go on, checks they are still alerted and the one ERROR, then saves a good
     * file that sends alerts to another file and checks that only the alerts route was replaced.
     */
    private void brokenSaveKeepsMonitoring(String broken, String... errorParts) throws Exception {
        save(broken);
        jar.await("the ERROR about the broken file", () -> !jar.lines(" ERROR ").isEmpty());
        int alertedBefore = badLoginAlerts();
        awaitBadLoginAlerts(alertedBefore + 3);

        save(original.replace(ALERTS_STEP, FIXED_ALERTS_STEP));
        jar.await("the fixed file to be reloaded", () -> jar.count(ALERTS_RELOADED) == 1);
        awaitAlertsOfTheFixedRoute();
        awaitEverythingAlerted();

        List<String> errors = jar.lines(" ERROR ");
        assertThat(errors).as("errors logged%s", jar.log()).singleElement().asString()
                .contains("Route file " + routeFile + " not reloaded, ").contains(errorParts)
                .endsWith("The previous routes are still in use.");
    }

    /** Stops the bad logins, then waits until each one sent has its events and its alert: no packet was missed. */
    private void awaitEverythingAlerted() throws Exception {
        int sent = badLogins.stopSending();
        assertThat(sent).as("bad logins sent").isGreaterThan(5);
        jar.await(sent + " bad logins alerted and their " + 2 * sent + " events written",
                () -> badLoginAlerts() == sent && events() == 2 * sent);
        Thread.sleep(1000);
        assertThat(badLoginAlerts()).as("bad logins alerted%s", jar.log()).isEqualTo(sent);
        assertThat(events()).as("events written%s", jar.log()).isEqualTo(2 * sent);
        assertThat(jar.count(CAPTURING)).as("capture starts: the capture route was never restarted%s", jar.log())
                .isEqualTo(1);
        assertThat(jar.count("Capture ended")).as("capture ends%s", jar.log()).isZero();
        assertThat(jar.count("Apache Camel (Main)")).as("camel-main boots%s", jar.log()).isEqualTo(1);
    }

    private void awaitAlertsOfTheFixedRoute() throws InterruptedException {
        jar.await("2 alerts written by the reloaded alerts route",
                () -> records(out.resolve("alerts-after-fix.jsonl")) >= 2);
    }

    private void awaitBadLoginAlerts(int count) throws InterruptedException {
        jar.await(count + " Bad login alerts", () -> badLoginAlerts() >= count);
    }

    private int badLoginAlerts() {
        return (int) (records(out.resolve("alerts.jsonl")) + records(out.resolve("alerts-after-fix.jsonl"))
                - otherAlerts(out.resolve("alerts.jsonl")) - otherAlerts(out.resolve("alerts-after-fix.jsonl")));
    }

    private int events() {
        return (int) records(out.resolve("events.jsonl"));
    }

    private static long records(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Alerts other than Bad login (Login brute force, as the bad logins go on). */
    @SuppressWarnings("unchecked")
    private static long otherAlerts(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            long other = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Map<String, Object> alert = JSON.readValue(line, Map.class);
                if (!"Bad login".equals(alert.get("SecurityAlert"))) {
                    other++;
                }
            }
            return other;
        } catch (IOException e) {
            return 0;
        }
    }

    /** As many editors save: a new file renamed over the old one. */
    private void save(String text) throws IOException {
        Path edited = routeFile.resolveSibling("modbus-events.yaml.edited");
        Files.writeString(edited, text, StandardCharsets.UTF_8);
        Files.move(edited, routeFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not in the route file");
    }

    /** pymodbus with 20 holding registers: a write to the passphrase register (31) is refused with exception 02. */
    private Process startServer() throws Exception {
        Path script = temp.resolve("server.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from pymodbus.server import StartTcpServer",
                "from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext",
                "store = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, [0] * 20), zero_mode=True)",
                "StartTcpServer(context=ModbusServerContext(slaves=store, single=True),"
                        + " address=('127.0.0.1', int(sys.argv[1])))", ""));
        Process process = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(temp.resolve("server.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return process;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("pymodbus server did not listen on " + port + ": "
                            + Files.readString(temp.resolve("server.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    private static void assumeLiveCapture() {
        try (LiveInterfaceSource probe = new LiveInterfaceSource(LOOPBACK, "tcp port 1", 65535, false, 10, 1 << 20)) {
            probe.next();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "live capture on " + LOOPBACK + " is not possible here (" + e.getMessage()
                    + "); run as root or give java CAP_NET_RAW and CAP_NET_ADMIN to run this test");
        }
    }

    private static void assumePeers() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mbpoll")),
                "mbpoll is not installed (scripts/install-prerequisites.sh --test)");
        Process check = new ProcessBuilder(PYTHON, "-c", "import pymodbus.server").redirectErrorStream(true).start();
        Assumptions.assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0,
                "pymodbus is not installed for " + PYTHON + " (scripts/install-prerequisites.sh --test)");
    }

    /** mbpoll writing a wrong passphrase (function 16 at register 31) every few hundred milliseconds. */
    private static final class BadLogins extends Thread {

        private final int port;
        private final AtomicInteger refused = new AtomicInteger();
        private volatile boolean sending = true;

        BadLogins(int port) {
            super("bad-logins");
            this.port = port;
            setDaemon(true);
        }

        @Override
        public void run() {
            for (int value = 1; sending; value++) {
                try {
                    Process mbpoll = new ProcessBuilder("/usr/bin/mbpoll", "-m", "tcp", "-p", Integer.toString(port),
                            "-a", "1", "-r", "32", "-t", "4", "-1", "127.0.0.1", Integer.toString(value), "2", "3")
                            .redirectErrorStream(true).start();
                    String output = new String(mbpoll.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    mbpoll.waitFor();
                    if (output.contains("Illegal data address")) {
                        refused.incrementAndGet();
                    }
                    Thread.sleep(300);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }

        /** @return how many bad logins the server refused */
        int stopSending() throws InterruptedException {
            sending = false;
            join(30_000);
            return refused.get();
        }
    }
}
