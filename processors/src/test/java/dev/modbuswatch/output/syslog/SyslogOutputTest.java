package dev.modbuswatch.output.syslog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.DeliveryCounters;
import dev.modbuswatch.output.delivery.DeadLetterFile;
import dev.modbuswatch.output.delivery.DiskSpool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void udpToAClosedPortIsRetriedWithBackoffLoggedOnceAndDeliveredInOrderOnceAServerListens() throws Exception {
        int port = freePort();
        AtomicInteger connects = new AtomicInteger();
        SyslogTransport.Connector udp = UdpTransport.connector("127.0.0.1", port);
        SyslogTransport.Connector counted = () -> {
            connects.incrementAndGet();
            return udp.connect();
        };
        DeliveryCounters counters = new DeliveryCounters();
        ListAppender<ILoggingEvent> log = capturedLog();
        SyslogOutput output = output(counted, "udp://127.0.0.1:" + port, 100, Duration.ofSeconds(10), counters);
        output.start();
        for (int i = 0; i < 3; i++) {
            output.offer(Map.of("n", "m" + i));
            Thread.sleep(300);
        }
        poll(() -> spooledCount() == 3);
        Thread.sleep(2000);
        assertThat(connects.get()).as("tries in 3 s: after 0.1, 0.2, 0.4, 0.8, 1.6 s...").isBetween(2, 8);
        try (DatagramSocket server = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(15_000);
            List<String> received = new ArrayList<>();
            while (received.size() < 3) {
                DatagramPacket packet = new DatagramPacket(new byte[100], 100);
                server.receive(packet);
                received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            }
            assertThat(received).as("every record, in order").containsExactly("m0", "m1", "m2");
            output.stop();
        }
        assertThat(counters.deadLettered()).isZero();
        assertThat(spoolFiles()).isEmpty();
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(log.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .as("warnings").singleElement().asString()
                .contains("udp://127.0.0.1:" + port + " unreachable (refused with ICMP port unreachable");
        assertThat(lines).filteredOn(line -> line.contains("takes messages again after")).singleElement().asString()
                .contains("3 records waited");
        assertThat(lines).noneMatch(line -> line.contains("null"));
        assertThat(lines).filteredOn(line -> line.contains("stopped: ")).singleElement().asString()
                .contains("4 sent, 3 of them from the spool, ", "1 sent again after a lost connection", "0 undelivered")
                .doesNotContain("@");
    }

    @Test
    void recordsLeftInTheSpoolByAnEarlierRunAreSentFirstInOrder() throws Exception {
        DiskSpool earlier = new DiskSpool(dir.resolve("spool/syslog"));
        earlier.append(List.of("{\"n\":\"old1\"}", "{\"n\":\"old2\"}"));
        earlier.append(List.of("{\"n\":\"old3\"}"));
        FramedServer server = server(0);
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = output(server.port(), 100, Duration.ofSeconds(10), counters);
        output.start();
        output.offer(Map.of("n", "new"));
        poll(() -> server.messages().size() == 4);
        output.stop();
        assertThat(server.messages()).containsExactly("old1", "old2", "old3", "new");
        assertThat(counters.replayed()).as("the new record joins the spool while it is sent").isBetween(3L, 4L);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void whatDoesNotFitTheSpoolGoesToTheFileWithTheReason() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        int port = freePort();
        // each record is {"n":"mX"} and a newline: 11 bytes; 25 bytes hold two
        SyslogOutput output = new SyslogOutput(NAME_ONLY, OctetCountingTransport.connector(Socket::new, "127.0.0.1",
                port), "tcp://127.0.0.1:" + port, 100, Duration.ofMillis(200), spool(25),
                new DeadLetterFile(dir.resolve("syslog-undelivered.jsonl"), "syslog"), counters);
        output.start();
        for (int i = 0; i < 4; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        output.stop();
        assertThat(spooled()).containsExactly(Map.of("n", "m0"), Map.of("n", "m1"));
        List<Map<?, ?>> undelivered = jsonLines(dir.resolve("syslog-undelivered.jsonl"));
        assertThat(undelivered).extracting(entry -> (Object) entry.get("record")).containsExactly(Map.of("n", "m2"),
                Map.of("n", "m3"));
        assertThat(undelivered).extracting(entry -> (String) entry.get("reason"))
                .allMatch(reason -> reason.startsWith("spool full (0 MiB) while "));
        assertThat(counters.deadLettered()).isEqualTo(2);
    }

    @Test
    void aStopWhileTheServerIsAwayTakesTheDrainTimeAndKeepsTheRecordsInTheSpool() throws Exception {
        int port = freePort();
        SyslogOutput output = output(port, 100, Duration.ofMillis(500), new DeliveryCounters());
        output.start();
        for (int i = 0; i < 3; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        poll(() -> spooledCount() == 3);
        long start = System.nanoTime();
        output.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(spooled()).containsExactly(Map.of("n", "m0"), Map.of("n", "m1"), Map.of("n", "m2"));
        assertThat(dir.resolve("syslog-undelivered.jsonl")).doesNotExist();
        output.offer(Map.of("n", "late"));
        assertThat(spooled()).as("a record offered after the stop").endsWith(Map.of("n", "late"));
    }

    @Test
    void recordsInMemoryAtStopGoToTheFileWhenTheSpoolCannotBeWritten() throws Exception {
        DeliveryCounters counters = new DeliveryCounters();
        SyslogTransport.Connector refused = () -> {
            throw new ConnectException("Connection refused");
        };
        SyslogOutput output = output(refused, "tcp://test", 100, Duration.ofMillis(300), counters);
        Path folder = dir.resolve("spool/syslog");
        Files.delete(folder);
        Files.writeString(folder, "a file where the spool folder should be"); // as root, permissions would not stop it
        output.start();
        for (int i = 0; i < 3; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        output.stop();
        List<String> reasons = new ArrayList<>();
        List<Object> records = new ArrayList<>();
        for (Map<?, ?> entry : jsonLines(dir.resolve("syslog-undelivered.jsonl"))) {
            reasons.add((String) entry.get("reason"));
            records.add(entry.get("record"));
        }
        assertThat(records).containsExactly(Map.of("n", "m0"), Map.of("n", "m1"), Map.of("n", "m2"));
        assertThat(reasons).allMatch(reason -> reason.equals(
                "the syslog output was stopped and its spool " + folder + " cannot be written"));
        assertThat(counters.deadLettered()).isEqualTo(3);
        assertThat(output.summary()).contains("3 undelivered",
                "3 of them because the spool could not be written at stop");
    }

    @Test
    void theSpoolFolderRemovedFromOutsideDoesNotStopDelivery() throws Exception {
        int port = freePort();
        DeliveryCounters counters = new DeliveryCounters();
        SyslogOutput output = output(port, 100, Duration.ofSeconds(30), counters);
        output.start();
        for (int i = 0; i < 3; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        poll(() -> spooledCount() == 3);
        for (Path file : spoolFiles()) {
            Files.delete(file);
        }
        Files.delete(dir.resolve("spool/syslog"));
        output.offer(Map.of("n", "after"));
        poll(() -> spooledCount() == 1);
        FramedServer server = server(port);
        poll(() -> server.messages().contains("after"));
        output.stop();
        assertThat(server.messages()).containsExactly("after");
    }

    @Test
    void recordsThatCanBeWrittenNowhereAreCountedAndLoggedOncePerMinute() throws Exception {
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
        Files.writeString(dir.resolve("not-a-folder"), "x");
        SyslogOutput output = new SyslogOutput(NAME_ONLY, slow, "tcp://test", 1, Duration.ofMillis(300),
                spool(Long.MAX_VALUE), new DeadLetterFile(dir.resolve("not-a-folder/u.jsonl"), "syslog"), counters);
        ListAppender<ILoggingEvent> log = capturedLog();
        output.start();
        output.offer(Map.of("n", "m0"));
        connecting.await();
        for (int i = 1; i <= 5; i++) {
            output.offer(Map.of("n", "m" + i));
        }
        release.countDown();
        output.stop();
        assertThat(log.list.stream().filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains("records lost")))
                .singleElement().asString().startsWith("1 syslog records lost (1 in all)");
        assertThat(counters.deadLettered()).isEqualTo(5);
        assertThat(output.summary()).contains("5 lost (the undelivered file could not be written)");
    }

    private static ListAppender<ILoggingEvent> capturedLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(SyslogOutput.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(SyslogOutput.class)).detachAndStopAllAppenders();
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
