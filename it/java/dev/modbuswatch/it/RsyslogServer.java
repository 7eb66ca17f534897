package dev.modbuswatch.it;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real rsyslogd in the foreground on a loopback port, with a configuration written by the test: one input (imudp,
 * or imtcp plain or with the openssl stream driver requiring a client certificate signed by the test CA) writing each
 * message's raw text, one per line, to {@code messages.log}.
 */
final class RsyslogServer implements AutoCloseable {

    static final String RSYSLOGD = "/usr/sbin/rsyslogd";
    private static final String PROBE = "modbus-watch-it-probe";

    private final Path dir;
    private final String protocol;
    private final int port;
    private Process process;

    private RsyslogServer(Path dir, String protocol, int port) {
        this.dir = dir;
        this.protocol = protocol;
        this.port = port;
    }

    static void requireRsyslogd() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(RSYSLOGD)),
                RSYSLOGD + " not found (scripts/install-prerequisites.sh --test installs it); skipping the syslog ITs");
    }

    /** @param tls the test's certificates, for protocol tls */
    static RsyslogServer configure(Path dir, String protocol, int port, TestCertificates tls) throws IOException {
        Files.createDirectories(dir.resolve("work"));
        StringBuilder conf = new StringBuilder();
        conf.append("global(workDirectory=\"").append(dir.resolve("work")).append("\" maxMessageSize=\"64k\"");
        if (protocol.equals("tls")) {
            conf.append(" defaultNetstreamDriver=\"ossl\" defaultNetstreamDriverCAFile=\"").append(tls.caFile())
                    .append("\" defaultNetstreamDriverCertFile=\"").append(tls.serverCertificate())
                    .append("\" defaultNetstreamDriverKeyFile=\"").append(tls.serverKey()).append('"');
        }
        conf.append(")\n");
        conf.append("template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")\n");
        conf.append("ruleset(name=\"out\") { action(type=\"omfile\" file=\"").append(dir.resolve("messages.log"))
                .append("\" template=\"raw\") }\n");
        switch (protocol) {
            case "udp" -> conf.append("module(load=\"imudp\")\ninput(type=\"imudp\" address=\"127.0.0.1\" port=\"")
                    .append(port).append("\" ruleset=\"out\")\n");
            case "tcp" -> conf.append("module(load=\"imtcp\")\ninput(type=\"imtcp\" address=\"127.0.0.1\" port=\"")
                    .append(port).append("\" ruleset=\"out\")\n");
            case "tls" -> conf.append("module(load=\"imtcp\" streamDriver.name=\"ossl\" streamDriver.mode=\"1\""
                    + " streamDriver.authMode=\"x509/certvalid\")\ninput(type=\"imtcp\" address=\"127.0.0.1\" port=\"")
                    .append(port).append("\" ruleset=\"out\")\n");
            default -> throw new IllegalArgumentException(protocol);
        }
        Files.writeString(dir.resolve("rsyslog.conf"), conf);
        return new RsyslogServer(dir, protocol, port);
    }

    /** Starts rsyslogd and waits until it takes messages. */
    RsyslogServer start() throws Exception {
        process = new ProcessBuilder(RSYSLOGD, "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        poll(Duration.ofSeconds(30), this::ready, () -> "rsyslogd did not start: " + output());
        return this;
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("rsyslogd exited with " + process.exitValue() + ": " + output());
        }
        if (protocol.equals("udp")) {
            try (DatagramSocket socket = new DatagramSocket()) {
                byte[] probe = ("<13>1 - - - - - - " + PROBE).getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), port));
                return rawLines().stream().anyMatch(line -> line.endsWith(PROBE));
            } catch (IOException e) {
                return false;
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops rsyslogd (SIGTERM) and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The messages received, the test's readiness probes left out. */
    List<String> messages() {
        return rawLines().stream().filter(line -> !line.endsWith(PROBE)).toList();
    }

    private List<String> rawLines() {
        Path file = dir.resolve("messages.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    String output() {
        try {
            return Files.readString(dir.resolve("rsyslogd.out"));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * A loopback port free for both TCP and UDP in 20000-20999, the range the syslog tests keep to, so that they do not
     * meet the live traffic of other tests on {@code lo}.
     */
    static int freePort() throws IOException {
        int first = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000);
        for (int i = 0; i < 1000; i++) {
            int port = 20_000 + (first - 20_000 + i) % 1000;
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in 20000-20999");
    }

    static void poll(Duration limit, BooleanSupplier condition, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(50);
        }
    }
}
