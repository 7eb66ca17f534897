package dev.modbuswatch.output.syslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.DeliveryCounters;
import dev.modbuswatch.output.delivery.DeadLetterFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The output against a small octet-counting TCP server in the test: framing, reconnect, overflow, drain on stop. */
class SyslogOutputTest {

    private static final SyslogFormatter NAME_ONLY = record -> record.get("n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final List<FramedServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(FramedServer::close);
    }

    private SyslogOutput output(int port, int capacity, Duration drain, DeliveryCounters counters) {
        return new SyslogOutput(NAME_ONLY, OctetCountingTransport.connector(Socket::new, "127.0.0.1",
                port), "tcp://127.0.0.1:" + port, capacity, drain,
                new DeadLetterFile(dir.resolve("syslog-undelivered.jsonl"), "syslog"), counters);
    }

    @Test
    void framesEveryMessageWithItsLengthInBytes() throws Exception {
        FramedServer server = server(0);
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = output(server.port(), 100, Duration.ofSeconds(10), counters);
        output.start();
        for (String name : List.of("a", "Zähler", "x y")) {
            output.offer(Map.of("n", name));
        }
        output.stop();
        assertThat(server.messages()).containsExactly("a", "Zähler", "x y");
        assertThat(counters.sent()).isEqualTo(3);
        assertThat(counters.deadLettered()).isZero();
    }

    @Test
    void waitsForAServerThatComesLaterAndDeliversInOrder() throws Exception {
        int port = freePort();
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = output(port, 100, Duration.ofSeconds(30), counters);
        output.start();
        for (int i = 0; i < 10; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        FramedServer server = server(port);
        poll(() -> server.messages().size() == 10);
        output.stop();
        assertThat(server.messages()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(counters.held()).isEqualTo(10);
        assertThat(counters.deadLettered()).isZero();
    }

    @Test
    void reconnectsAfterTheServerGoesAway() throws Exception {
        FramedServer first = server(0);
        int port = first.port();
        SyslogOutput output = output(port, 100, Duration.ofSeconds(30), new DeliveryCounters());
        output.start();
        output.offer(Map.of("n", "before"));
        poll(() -> first.messages().size() == 1);
        first.close();
        FramedServer second = server(port);
        output.offer(Map.of("n", "after"));
        poll(() -> second.messages().contains("after"));
        output.stop();
        assertThat(second.messages()).as("what was sent just before the loss comes again")
                .containsSubsequence("before", "after");
    }

    @Test
    void whatDoesNotFitTheBufferOrIsLeftAtStopGoesToTheFileWithTheReason() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = output(freePort(), 2, Duration.ofMillis(300), counters);
        output.start();
        for (int i = 0; i < 5; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        output.stop();
        List<String> lines = Files.readAllLines(dir.resolve("syslog-undelivered.jsonl"));
        assertThat(lines).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        List<String> reasons = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (String line : lines) {
            Map<?, ?> entry = json.readValue(line, Map.class);
            reasons.add((String) entry.get("reason"));
            records.add(entry.get("record"));
        }
        assertThat(reasons.subList(0, 3)).allMatch(reason -> reason.startsWith("buffer full (2 records)"));
        assertThat(reasons.subList(3, 5)).allMatch(reason -> reason.contains("before the output stopped"));
        assertThat(records).containsExactlyInAnyOrder(Map.of("n", "m0"), Map.of("n", "m1"), Map.of("n", "m2"),
                Map.of("n", "m3"), Map.of("n", "m4"));
        assertThat(counters.deadLettered()).isEqualTo(5);
        assertThat(counters.sent()).isZero();
    }

    @Test
    void aMessageTooLargeForADatagramGoesToTheFile() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = new SyslogOutput(NAME_ONLY, UdpTransport.connector("127.0.0.1", freePort()), "udp",
                10, Duration.ofSeconds(1), new DeadLetterFile(dir.resolve("u.jsonl"), "syslog"), counters);
        output.start();
        output.offer(Map.of("n", "x".repeat(UdpTransport.MAX_DATAGRAM + 1)));
        output.stop();
        assertThat(Files.readString(dir.resolve("u.jsonl"))).contains("larger than the transport carries");
        assertThat(counters.deadLettered()).isEqualTo(1);
    }

    private static void poll(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("deadline for the condition").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private FramedServer server(int port) throws IOException, InterruptedException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        // A closed server socket frees its port only once its accepting thread has left accept().
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!socket.isBound()) {
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
        FramedServer server = new FramedServer(socket);
        servers.add(server);
        return server;
    }

    /** Accepts connections and reads octet-counted frames. */
    private static final class FramedServer {
        private final ServerSocket socket;
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final List<Socket> clients = new CopyOnWriteArrayList<>();

        FramedServer(ServerSocket socket) {
            this.socket = socket;
            Thread acceptor = new Thread(this::accept);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> messages() {
            return messages;
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = socket.accept();
                    clients.add(client);
                    Thread reader = new Thread(() -> read(client));
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void read(Socket client) {
            try (DataInputStream in = new DataInputStream(client.getInputStream())) {
                while (true) {
                    StringBuilder length = new StringBuilder();
                    for (int c = in.read(); c != ' '; c = in.read()) {
                        if (c < 0) {
                            return;
                        }
                        length.append((char) c);
                    }
                    byte[] message = new byte[Integer.parseInt(length.toString())];
                    in.readFully(message);
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // closed
            }
        }

        void close() {
            try {
                socket.close();
                for (Socket client : clients) {
                    client.close();
                }
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
