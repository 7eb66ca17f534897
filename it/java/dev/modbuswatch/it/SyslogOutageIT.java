package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The continuous run (the packaged jar capturing live on {@code lo}) while its syslog server is away: bad logins made
 * by real Modbus peers ({@link BadLoginPeer}) raise alerts, which must all reach the server once it is back, without
 * a busy loop, a flood of log lines, or a loss on kill -9.
 */
class SyslogOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    @TempDir
    Path dir;

    @BeforeAll
    static void prerequisites() {
        RsyslogServer.requireRsyslogd();
        BadLoginPeer.requirePeers();
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc: skipping");
    }

    @Test
    @Timeout(240)
    void udpToAClosedPortTakesLittleCpuLogsOnceAndDeliversEveryAlertOnceAServerListens() throws Exception {
        int syslogPort = RsyslogServer.freePort();
        Path out = dir.resolve("out");
        try (BadLoginPeer peer = BadLoginPeer.start(RsyslogServer.freePort(), dir.resolve("pymodbus.log"));
             ContinuousRun jar = ContinuousRun.start(dir, peer.port(), out, "udp", syslogPort)) {
            jar.await("the live capture", () -> jar.count("Capturing Modbus/TCP from live lo") == 1);
            peer.badLogin();
            jar.await("the first alert", () -> lines(out.resolve("alerts.jsonl")) >= 1);
            for (int i = 0; i < 5; i++) { // the JIT compiles the alert path (a few % of a core for seconds)
                peer.badLogin();
                Thread.sleep(1000);
            }

            long ticksBefore = jar.cpuTicks();
            long nanosBefore = System.nanoTime();
            while (System.nanoTime() - nanosBefore < Duration.ofSeconds(20).toNanos()) {
                peer.badLogin();
                Thread.sleep(1000);
            }
            double seconds = (System.nanoTime() - nanosBefore) / 1e9;
            double cpu = (jar.cpuTicks() - ticksBefore) / TICKS_PER_SECOND / seconds;
            jar.await("an alert per bad login", () -> lines(out.resolve("alerts.jsonl")) >= peer.badLogins());
            System.out.printf("UDP syslog refused for %.1f s: %.3f of a core, %d bad logins%n", seconds, cpu,
                    peer.badLogins());

            assertThat(cpu).as("share of a core used over %.1f s of refused UDP syslog%s", seconds, jar.log())
                    .isLessThan(0.2);
            List<String> aboutSyslog = jar.lines("yslog");
            assertThat(aboutSyslog).as("log lines about syslog while its port is closed%s", jar.log()).hasSizeLessThan(10);
            assertThat(jar.lines("null)")).as("log lines with a cause 'null'").isEmpty();
            assertThat(jar.lines(" WARN ").stream().filter(line -> line.contains("yslog")))
                    .as("warnings about syslog").hasSize(1).first().asString()
                    .contains("udp://127.0.0.1:" + syslogPort, "ICMP port unreachable");

            try (RsyslogServer server = RsyslogServer.configure(dir.resolve("rsyslog"), "udp", syslogPort, null)
                    .start()) {
                List<Map<String, String>> alerts = jsonLines(out.resolve("alerts.jsonl"));
                assertThat(alerts).as("alerts of %d bad logins", peer.badLogins()).hasSizeGreaterThanOrEqualTo(26);
                RsyslogServer.poll(Duration.ofSeconds(60), () -> receivedAll(server, alerts),
                        () -> "alerts missing at the server: " + missing(server, alerts) + jar.log());
                jar.await("the end of the outage logged", () -> jar.count("takes messages again after") == 1);
                assertThat(out.resolve("syslog-undelivered.jsonl")).doesNotExist();

                long stopping = System.nanoTime();
                int exit = jar.terminate();
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("time SIGTERM takes%s", jar.log())
                        .isLessThan(Duration.ofSeconds(15));
                assertThat(jar.lines("Syslog output to udp://127.0.0.1:" + syslogPort + " stopped: "))
                        .as("the stop line%s", jar.log()).singleElement().asString()
                        .doesNotContain("DeliveryCounters@").contains(", 0 undelivered");
                assertThat(exit).as("exit code").isIn(0, 143);
            }
        }
    }

    @Test
    @Timeout(240)
    void tcpRecordsBufferedWhileTheServerIsDownAreDeliveredAfterKill9AndARestart() throws Exception {
        int syslogPort = RsyslogServer.freePort();
        Path out = dir.resolve("out");
        RsyslogServer server = RsyslogServer.configure(dir.resolve("rsyslog"), "tcp", syslogPort, null).start();
        try {
            killedWithAlertsBuffered(server, syslogPort, out);
        } finally {
            server.stop();
        }
    }

    private void killedWithAlertsBuffered(RsyslogServer server, int syslogPort, Path out) throws Exception {
        List<Map<String, String>> alerts = new ArrayList<>();
        List<Map<String, String>> buffered = new ArrayList<>();
        try (BadLoginPeer peer = BadLoginPeer.start(RsyslogServer.freePort(), dir.resolve("pymodbus.log"))) {
            try (ContinuousRun jar = ContinuousRun.start(dir, peer.port(), out, "tcp", syslogPort)) {
                jar.await("the live capture", () -> jar.count("Capturing Modbus/TCP from live lo") == 1);
                peer.badLogin();
                RsyslogServer.poll(Duration.ofSeconds(60), () -> server.messages().size() >= 1,
                        () -> "the first alert did not arrive" + jar.log());
                server.stop();

                for (int i = 0; i < 6; i++) {
                    peer.badLogin();
                    Thread.sleep(300);
                }
                jar.await("the alerts of the 7 bad logins", () -> lines(out.resolve("alerts.jsonl")) >= 7);
                Thread.sleep(1500); // a Login brute force alert may follow
                alerts.addAll(jsonLines(out.resolve("alerts.jsonl")));
                buffered.addAll(missing(server, alerts));
                assertThat(buffered).as("alerts raised while the server was down").hasSizeGreaterThanOrEqualTo(6);
                jar.await("the alerts raised while the server was down in the spool",
                        () -> spooledRecords(out).containsAll(buffered));
                jar.kill();
            }
        }

        try (RsyslogServer restarted = server.start();
             ContinuousRun jar = ContinuousRun.start(dir, RsyslogServer.freePort(), out, "tcp", syslogPort)) {
            jar.await("the spool at the start", () -> jar.count("records in the spool") == 1);
            RsyslogServer.poll(Duration.ofSeconds(60), () -> receivedAll(restarted, buffered),
                    () -> "alerts missing at the server: " + missing(restarted, buffered) + jar.log());
            assertThat(missing(restarted, alerts)).as("alerts not delivered").isEmpty();
            jar.await("the spool emptied", () -> spooledRecords(out).isEmpty());
            assertThat(out.resolve("syslog-undelivered.jsonl")).doesNotExist();
        }
    }

    private static boolean receivedAll(RsyslogServer server, List<Map<String, String>> alerts) {
        return missing(server, alerts).isEmpty();
    }

    /** The alerts no message at the server carries (RFC 3164: the record as JSON). */
    private static List<Map<String, String>> missing(RsyslogServer server, List<Map<String, String>> alerts) {
        List<Map<String, String>> received = new ArrayList<>();
        for (String message : server.messages()) {
            try {
                received.add(SyslogMessages.rfc3164(message).json());
            } catch (Exception e) {
                throw new AssertionError("not an RFC 3164 message with a JSON record: " + message, e);
            }
        }
        return alerts.stream().filter(alert -> !received.contains(alert)).toList();
    }

    /** The records in {@code <out>/spool/syslog}, oldest first. */
    private static List<Map<String, String>> spooledRecords(Path out) {
        Path folder = out.resolve("spool/syslog");
        List<Map<String, String>> records = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList()) {
                records.addAll(jsonLines(file));
            }
        } catch (IOException e) {
            return new ArrayList<>(); // a segment replaced meanwhile: ask again
        }
        return records;
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> jsonLines(Path file) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(JSON.readValue(line, LinkedHashMap.class));
            }
        }
        return records;
    }

    /** {@code java -jar modbus-watch.jar} capturing live on lo, sending alerts to syslog; killed on close. */
    private static final class ContinuousRun implements AutoCloseable {

        private static final Duration WAIT = Duration.ofSeconds(60);
        private final Process process;
        private final Path stderr;

        private ContinuousRun(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        static ContinuousRun start(Path dir, int modbusPort, Path out, String protocol, int syslogPort)
                throws IOException {
            Path jar = Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")).toAbsolutePath();
            assertThat(jar).as("the packaged jar (mvn package builds it)").exists();
            Path work = Files.createDirectories(dir.resolve("work"));
            Path stderr = Files.createTempFile(dir, "modbus-watch", ".stderr");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(),
                    "-Dmodbus.capture.uri=pcap:live:lo", "-Dmodbus.capture.ports=" + modbusPort,
                    "-Dmodbus.output.dir=" + out,
                    "-Dmodbus.output.syslog.enabled=true", "-Dmodbus.output.syslog.protocol=" + protocol,
                    "-Dmodbus.output.syslog.host=127.0.0.1", "-Dmodbus.output.syslog.format=rfc3164", "-Dmodbus.output.syslog.port=" + syslogPort,
                    "-Dmodbus.output.syslog.drain-timeout=5000")
                    .directory(work.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            return new ContinuousRun(process, stderr);
        }

        void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("modbus-watch exited with " + process.exitValue() + " while waiting for "
                            + what + log());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + log());
                }
                Thread.sleep(100);
            }
        }

        /** User and system CPU time of the process so far, in clock ticks (/proc/PID/stat fields 14 and 15). */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** SIGTERM, and the exit code. */
        int terminate() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("no exit within 60 s of SIGTERM" + log());
            }
            return process.exitValue();
        }

        /** SIGKILL: no shutdown, nothing written after it. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        int count(String text) {
            return lines(text).size();
        }

        List<String> lines(String text) {
            return stderrText().lines().filter(line -> line.contains(text)).toList();
        }

        String log() {
            return "\n--- modbus-watch stderr (" + stderr + ") ---\n" + stderrText();
        }

        private String stderrText() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
