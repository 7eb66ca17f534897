package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route that is held up while the consumer reads a file: the capture thread fills the queue to the route and then
 * waits, so nothing is lost, the order stays, END_OF_CAPTURE comes last and once, and stopping waits until what was
 * queued has reached the route.
 */
class SlowRouteTest extends CamelTestSupport {

    private static final int TRANSACTIONS = 300;
    /** The client sends bytes that are no Modbus after this transaction, which makes an anomaly. */
    private static final int ANOMALY_AFTER = 100;
    private static final int FRAMES = 3 + 2 * TRANSACTIONS + 1 + 3;
    private static final String ROUTE = "slow";

    @TempDir
    Path folder;

    private final CountDownLatch routeHeldUp = new CountDownLatch(1);

    @Test
    void heldUpRouteLosesNothingAndKeepsTheOrder() throws Exception {
        NotifyBuilder ended = endOfCaptureDone();
        PcapConsumer consumer = startSlowRoute();
        Await.until("the queue to the route to fill", () -> consumer.getQueuedMessages() == 2);

        assertThat(consumer.getFrames()).as("frames read while the route is held up").isLessThan(FRAMES);
        routeHeldUp.countDown();
        assertThat(ended.matches(20, TimeUnit.SECONDS)).as("end of capture within 20 s").isTrue();

        List<Exchange> messages = getMockEndpoint("mock:" + ROUTE).getExchanges();
        List<String> sequence = describe(messages);
        List<String> expected = new ArrayList<>();
        for (int transaction = 1; transaction <= TRANSACTIONS; transaction++) {
            expected.add("request " + transaction);
            expected.add("response " + transaction);
            if (transaction == ANOMALY_AFTER) {
                expected.add(StreamAnomaly.Kind.MALFORMED_HEADER.name());
            }
        }
        expected.add(PcapConstants.TYPE_END_OF_CAPTURE);
        assertThat(sequence).containsExactlyElementsOf(expected);
        Exchange end = messages.get(messages.size() - 1);
        assertThat(end.getMessage().getHeader(PcapConstants.FAILURE)).isNull();
        assertThat(end.getMessage().getHeader(PcapConstants.STATISTICS, CaptureStatistics.class).frames())
                .isEqualTo(FRAMES);
        // The route's exchange completes (NotifyBuilder) just before the delivery thread marks the capture ended.
        Await.until("the consumer to mark the capture ended", consumer::isEnded);
    }

    @Test
    void stopWaitsUntilWhatWasReadReachedTheRoute() throws Exception {
        PcapConsumer consumer = startSlowRoute();
        Await.until("the queue to the route to fill", () -> consumer.getQueuedMessages() == 2);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute(ROUTE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the consumer to be stopping", consumer::isStopping);
        routeHeldUp.countDown();
        stopped.get(20, TimeUnit.SECONDS);

        assertThat(consumer.isEnded()).as("END_OF_CAPTURE processed when the stop returns").isTrue();
        List<Exchange> messages = getMockEndpoint("mock:" + ROUTE).getExchanges();
        List<String> sequence = describe(messages);
        assertThat(sequence).filteredOn(PcapConstants.TYPE_END_OF_CAPTURE::equals).hasSize(1);
        assertThat(sequence.get(sequence.size() - 1)).isEqualTo(PcapConstants.TYPE_END_OF_CAPTURE);
        Exchange end = messages.get(messages.size() - 1);
        assertThat(end.getMessage().getHeader(PcapConstants.FAILURE, String.class))
                .contains("stopped before the end of the file");
        long adusFramed = end.getMessage().getHeader(PcapConstants.STATISTICS, CaptureStatistics.class)
                .traffic().adus();
        List<String> adus = sequence.subList(0, sequence.size() - 1);
        assertThat(adus).as("every ADU framed before the stop, in order").hasSize((int) adusFramed)
                .containsExactlyElementsOf(inOrder((int) adusFramed));
        assertThat(adusFramed).isPositive().isLessThan(2 * TRANSACTIONS);
    }

    @Test
    void anErrorThrownByTheRouteLosesOnlyItsMessage() throws Exception {
        NotifyBuilder ended = endOfCaptureDone();
        AtomicInteger batches = new AtomicInteger();
        startRoute(exchange -> {
            if (PcapConstants.TYPE_ADUS.equals(exchange.getMessage().getHeader(PcapConstants.MESSAGE_TYPE))
                    && batches.incrementAndGet() == 1) {
                throw new StackOverflowError("a route too deep for the thread's stack");
            }
        });
        routeHeldUp.countDown();

        assertThat(ended.matches(20, TimeUnit.SECONDS)).as("end of capture within 20 s").isTrue();
        List<String> sequence = describe(getMockEndpoint("mock:" + ROUTE).getExchanges());
        assertThat(sequence).as("everything but the first batch of 5 ADUs").hasSize(2 * TRANSACTIONS - 5 + 1 + 1)
                .startsWith("response 3", "request 4").endsWith(PcapConstants.TYPE_END_OF_CAPTURE);
    }

    /** A route on a capture of {@link #TRANSACTIONS} transactions that is held up until the test lets it go. */
    private PcapConsumer startSlowRoute() throws Exception {
        return startRoute(exchange -> routeHeldUp.await());
    }

    private PcapConsumer startRoute(Processor step) throws Exception {
        Path capture = writeCapture();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pcap:file:" + capture + "?batchSize=5&queueSize=2").routeId(ROUTE)
                        .process(step)
                        .to("mock:" + ROUTE);
            }
        });
        return (PcapConsumer) context.getRoute(ROUTE).getConsumer();
    }

    private NotifyBuilder endOfCaptureDone() {
        return new NotifyBuilder(context).fromRoute(ROUTE)
                .filter(Builder.header(PcapConstants.MESSAGE_TYPE).isEqualTo(PcapConstants.TYPE_END_OF_CAPTURE))
                .whenDone(1).create();
    }

    private Path writeCapture() throws IOException {
        Path file = folder.resolve("transactions.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(file, CaptureFileSettings.of(LinkType.ETHERNET))) {
            ModbusTcpConversation connection = new ModbusTcpConversation(InetAddress.getByName("10.1.1.1"), 40001,
                    InetAddress.getByName("10.1.1.2"), 502, 1_700_000_000L, writer::write);
            connection.open();
            for (int transaction = 1; transaction <= TRANSACTIONS; transaction++) {
                connection.exchange(adu(transaction, 10, hex("03 0004 0001")), adu(transaction, 10, hex("03 02 0007")));
                if (transaction == ANOMALY_AFTER) {
                    connection.fromClient("HELLO PLC, are you there?".getBytes());
                }
            }
            connection.close();
        }
        return file;
    }

    /** Each ADU as "request N" or "response N", other messages by their type or anomaly kind. */
    private static List<String> describe(List<Exchange> messages) {
        List<String> described = new ArrayList<>();
        for (Exchange exchange : messages) {
            String type = exchange.getMessage().getHeader(PcapConstants.MESSAGE_TYPE, String.class);
            switch (type) {
                case PcapConstants.TYPE_ADUS -> {
                    List<?> batch = exchange.getMessage().getBody(List.class);
                    batch.forEach(adu -> described.add(describe((ModbusAdu) adu)));
                }
                case PcapConstants.TYPE_ANOMALY ->
                        described.add(exchange.getMessage().getBody(StreamAnomaly.class).kind().name());
                default -> described.add(type);
            }
        }
        return described;
    }

    private static String describe(ModbusAdu adu) {
        return (adu.fromServer() ? "response " : "request ") + adu.transactionId();
    }

    private static List<String> inOrder(int adus) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < adus; i++) {
            expected.add((i % 2 == 0 ? "request " : "response ") + (i / 2 + 1));
        }
        return expected;
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }
}
