package dev.modbuswatch.it;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Real Modbus/TCP peers on loopback that make bad logins: a pymodbus server (20 holding registers, so that a write at
 * the passphrase register 31 is refused with exception 2, as the seed's thermostat refuses a wrong passphrase) and
 * mbpoll, which writes a wrong passphrase there, one connection per login.
 */
final class BadLoginPeer implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String MBPOLL = "/usr/bin/mbpoll";
    private static final String SERVER = String.join("\n",
            "import sys",
            "from pymodbus.server import StartTcpServer",
            "from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext",
            "def block():",
            "    return ModbusSequentialDataBlock(0, [0] * 20)",
            "store = ModbusSlaveContext(hr=block(), ir=block(), co=block(), di=block())",
            "StartTcpServer(context=ModbusServerContext(slaves=store, single=True),"
                    + " address=('127.0.0.1', int(sys.argv[1])))");

    private final int port;
    private final Process server;
    private int badLogins;

    private BadLoginPeer(int port, Process server) {
        this.port = port;
        this.server = server;
    }

    static void requirePeers() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(MBPOLL)), MBPOLL
                + " not found (scripts/install-prerequisites.sh --test installs it); skipping");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " not found; skipping");
    }

    /** Starts the Modbus server on this loopback port and waits until it accepts connections. */
    static BadLoginPeer start(int port, Path log) throws Exception {
        requirePeers();
        Process server = new ProcessBuilder(PYTHON, "-c", SERVER, Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BadLoginPeer peer = new BadLoginPeer(port, server);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!peer.accepts()) {
            if (!server.isAlive()) {
                Assumptions.assumeTrue(false, "the pymodbus server did not start (python3-pymodbus missing?): "
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pymodbus server did not listen on " + port + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return peer;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** Writes the wrong passphrase "abcdef" at register 31 of unit 10 with mbpoll, which the server refuses. */
    void badLogin() throws Exception {
        Process mbpoll = new ProcessBuilder(MBPOLL, "-m", "tcp", "-p", Integer.toString(port), "-a", "10", "-r", "32",
                "-t", "4", "-1", "127.0.0.1", "97", "98", "99", "100", "101", "102")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!mbpoll.waitFor(10, TimeUnit.SECONDS)) {
            mbpoll.destroyForcibly();
            throw new AssertionError("mbpoll did not finish within 10 s");
        }
        badLogins++;
    }

    int badLogins() {
        return badLogins;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }
}
