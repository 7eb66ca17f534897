package dev.modbuswatch.output.syslog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.DeliveryCounters;
import dev.modbuswatch.output.delivery.DeadLetterFile;
import dev.modbuswatch.output.delivery.DiskSpool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
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
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The output against a small octet-counting TCP server in the test: framing, reconnect, overflow, drain on stop. */
class SyslogOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SyslogFormatter NAME_ONLY = record -> record.get("n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final List<FramedServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(FramedServer::close);
    }

    private SyslogOutput output(int port, int capacity, Duration drain, DeliveryCounters counters) throws IOException {
        return output(OctetCountingTransport.connector(Socket::new, "127.0.0.1", port), "tcp://127.0.0.1:" + port,
                capacity, drain, counters);
    }

    private SyslogOutput output(SyslogTransport.Connector connector, String server, int capacity, Duration drain,
                                DeliveryCounters counters) throws IOException {
        return new SyslogOutput(NAME_ONLY, connector, server, capacity, drain, spool(Long.MAX_VALUE),
                new DeadLetterFile(dir.resolve("syslog-undelivered.jsonl"), "syslog"), counters);
    }

    private SyslogSpool spool(long maxBytes) throws IOException {
        return new SyslogSpool(new DiskSpool(dir.resolve("spool/syslog")), maxBytes);
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
        poll(() -> spooledCount() == 10);
        assertThat(spooled()).as("what waits for the server is on disk, in order")
                .containsExactly(Map.of("n", "m0"), Map.of("n", "m1"), Map.of("n", "m2"), Map.of("n", "m3"),
                        Map.of("n", "m4"), Map.of("n", "m5"), Map.of("n", "m6"), Map.of("n", "m7"),
                        Map.of("n", "m8"), Map.of("n", "m9"));
        FramedServer server = server(port);
        poll(() -> server.messages().size() == 10);
        output.stop();
        assertThat(server.messages()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        assertThat(counters.deadLettered()).isZero();
        assertThat(counters.held()).isEqualTo(10);
        assertThat(counters.replayed()).as("sent from the spool").isEqualTo(10);
        assertThat(spoolFiles()).as("the spool once all is sent").isEmpty();
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
    void whatDoesNotFitTheBufferGoesToTheFileWithTheReasonAndWhatIsLeftAtStopToTheSpool() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyslogTransport.Connector slow = () -> {
            connecting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ConnectException("Connection refused");
        };
        SyslogOutput output = output(slow, "tcp://test", 2, Duration.ofMillis(300), counters);
        output.start();
        output.offer(Map.of("n", "m0"));
        connecting.await();
        for (int i = 1; i < 5; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        release.countDown();
        output.stop();
        List<String> reasons = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (Map<?, ?> entry : jsonLines(dir.resolve("syslog-undelivered.jsonl"))) {
            reasons.add((String) entry.get("reason"));
            records.add(entry.get("record"));
        }
        assertThat(reasons).allMatch(reason -> reason.startsWith("buffer full (2 records) while sending to tcp://test"));
        assertThat(records).containsExactly(Map.of("n", "m2"), Map.of("n", "m3"), Map.of("n", "m4"));
        assertThat(spooled()).containsExactly(Map.of("n", "m0"), Map.of("n", "m1"));
        assertThat(counters.deadLettered()).isEqualTo(3);
        assertThat(counters.spooled()).isEqualTo(2);
        assertThat(counters.sent()).isZero();
        assertThat(output.summary()).contains("0 sent, ", "2 spooled, 3 undelivered",
                "2 records wait in the spool " + dir.resolve("spool/syslog") + " for the next start");
    }

    @Test
    void aMessageTooLargeForADatagramGoesToTheFile() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = new SyslogOutput(NAME_ONLY, UdpTransport.connector("127.0.0.1", freePort()), "udp",
                10, Duration.ofSeconds(1), spool(Long.MAX_VALUE), new DeadLetterFile(dir.resolve("u.jsonl"), "syslog"),
                counters);
        output.start();
        output.offer(Map.of("n", "x".repeat(UdpTransport.MAX_DATAGRAM + 1)));
        output.stop();
        assertThat(Files.readString(dir.resolve("u.jsonl"))).contains("larger than the transport carries");
        assertThat(counters.deadLettered()).isEqualTo(1);
    }

    private List<Map<?, ?>> jsonLines(Path file) throws IOException {
        List<Map<?, ?>> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            entries.add(JSON.readValue(line, Map.class));
        }
        return entries;
    }

    /** The records in the spool folder, oldest first. */
    private List<Map<?, ?>> spooled() throws IOException {
        List<Map<?, ?>> records = new ArrayList<>();
        for (Path file : spoolFiles()) {
            records.addAll(jsonLines(file));
        }
        return records;
    }

    private int spooledCount() {
        try {
            return spooled().size();
        } catch (IOException e) {
            return -1; // a file renamed meanwhile
        }
    }

    private List<Path> spoolFiles() throws IOException {
        Path folder = dir.resolve("spool/syslog");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
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
