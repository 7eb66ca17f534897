package dev.modbuswatch.it;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Third-party Modbus peers on the loopback interface: a pymodbus device (it/peers/slow_passphrase_server.py, Debian's
 * /usr/bin/python3) that refuses a passphrase write late, and mbpoll as the client writing it.
 */
final class ModbusPeers {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String MBPOLL = "/usr/bin/mbpoll";

    private ModbusPeers() {
    }

    /** Skips the test, saying why, without the peers (scripts/install-prerequisites.sh --test installs them). */
    static void assumeInstalled() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(MBPOLL)), "mbpoll is not installed; run"
                + " scripts/install-prerequisites.sh --test");
        Process probe = new ProcessBuilder(PYTHON, "-c", "import pymodbus.server").redirectErrorStream(true).start();
        boolean ended = probe.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(ended && probe.exitValue() == 0, "pymodbus's server does not import with " + PYTHON
                + "; run scripts/install-prerequisites.sh --test");
    }

    /**
     * The device on 127.0.0.1:{@code port}: refuses a write covering register 31 with exception 02, {@code delay}
     * seconds after the request and not before {@code release} exists (null: no wait).
     */
    static Process device(int port, double delay, Path release) throws IOException {
        // The script says it listens before pymodbus binds: a port still held (by a device of an interrupted run)
        // would leave that one answering.
        try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            free.setReuseAddress(true);
        } catch (IOException e) {
            throw new AssertionError("port " + port + " is in use (a device left by an earlier run?): " + e.getMessage());
        }
        Path script = Path.of(System.getProperty("project.basedir", "."), "it", "peers", "slow_passphrase_server.py");
        List<String> command = release == null
                ? List.of(PYTHON, script.toString(), Integer.toString(port), Double.toString(delay))
                : List.of(PYTHON, script.toString(), Integer.toString(port), Double.toString(delay), release.toString());
        Process device = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(device.getInputStream(),
                StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.startsWith("listening")) {
            device.destroyForcibly();
            throw new AssertionError("the pymodbus device did not start: " + line);
        }
        return device;
    }

    /** mbpoll writes a 3-register passphrase at register 31 (reference 32) of unit 1, on a connection of its own. */
    static Process writePassphrase(int port) throws IOException {
        return new ProcessBuilder(MBPOLL, "-m", "tcp", "-p", Integer.toString(port), "-a", "1", "-r", "32", "-t", "4",
                "-o", "10", "-1", "127.0.0.1", "24929", "25344", "25958")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** {@link #writePassphrase}, waiting for mbpoll to have its answer. */
    static void writePassphraseAndWait(int port) throws Exception {
        Process mbpoll = writePassphrase(port);
        if (!mbpoll.waitFor(30, TimeUnit.SECONDS)) {
            mbpoll.destroyForcibly();
            throw new AssertionError("mbpoll got no answer within 30 s");
        }
    }
}
