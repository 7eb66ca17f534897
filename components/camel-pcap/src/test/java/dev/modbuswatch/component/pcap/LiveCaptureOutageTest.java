package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import dev.modbuswatch.component.pcap.source.FrameSource;
import dev.modbuswatch.component.pcap.source.ReopeningSource;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumer on a scripted live interface and a fake clock: no {@code TICK} while the capture is out (the routes'
 * capture-time clock must not run while nothing is observed), the {@code CAPTURE_GAP} before anything of the resumed
 * capture and before {@code END_OF_CAPTURE}, and an interface missing at start retried like an outage.
 */
class LiveCaptureOutageTest extends CamelTestSupport {

    private static final int PORT = 21502;
    private static final long START_MILLIS = 1_764_000_000_000L;
    private static final String ROUTE = "live";

    private final FakeClock clock = new FakeClock();
    private final ScriptedInterface fake0 = new ScriptedInterface(clock);
    private final List<String> received = new ArrayList<>();
    private ModbusTcpConversation conversation;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unused").to("mock:unused");
            }
        };
    }

    @Test
    void noTickDuringAnOutageAndTheGapComesFirstOnResume() throws Exception {
        startCapture();
        Await.until("the capture to open", () -> pcapConsumer() != null && pcapConsumer().isCapturing());
        advanceUntilReceived("TICK");

        int beforeDrops = count();
        fake0.dropped = 5;
        fake0.framesFromMillis = clock.epochMillis() + 2000;
        sendRequest(1);
        advance(2000);
        awaitReceived("ADUS [1]");
        List<String> afterDrops = since(beforeDrops);
        assertThat(afterDrops.get(0)).as("the drops' gap reaches the route before the ADU read after it%s", received)
                .startsWith("ANOMALY CAPTURE_GAP 5 packets dropped by the kernel on interface fake0");
        assertThat(afterDrops.get(1)).isEqualTo("ADUS [1]");

        int beforeOutage = count();
        fake0.up = false;
        Await.until("the outage", () -> !pcapConsumer().isCapturing());
        for (int second = 0; second < 10; second++) {
            advance(1000);
        }
        assertThat(since(beforeOutage)).as("nothing, above all no TICK, during the outage")
                .isEmpty();

        fake0.up = true;
        sendRequest(2);
        advance(5000);
        awaitReceived("ADUS [2]");
        advance(1000);
        awaitReceived("ADUS [2]", "TICK");
        List<String> resumed = since(beforeOutage);
        assertThat(resumed.get(0)).as("first after the outage%s", received)
                .startsWith("ANOMALY CAPTURE_GAP interface fake0 unavailable for ")
                .endsWith(": The interface disappeared");
        assertThat(resumed).as("after the outage").contains("ADUS [2]", "TICK");

        int beforeSecondOutage = count();
        fake0.up = false;
        Await.until("the second outage", () -> !pcapConsumer().isCapturing());
        advance(3000);
        context.getRouteController().stopRoute(ROUTE);

        assertThat(since(beforeSecondOutage)).as("stopped during an outage%s", received)
                .hasSize(2).first().asString().startsWith("ANOMALY CAPTURE_GAP interface fake0 unavailable for ")
                .contains("until the capture stopped");
        assertThat(since(0)).last().isEqualTo("END_OF_CAPTURE");
    }

    @Test
    void anInterfaceMissingAtStartIsRetriedAndCountedAsAnOutage() throws Exception {
        fake0.up = false;
        startCapture();

        assertThat(context.getRouteController().getRouteStatus(ROUTE).isStarted()).isTrue();
        Await.until("the first attempts", () -> fake0.openAttempts.get() >= 1);
        for (int second = 0; second < 5; second++) {
            advance(1000);
        }
        assertThat(pcapConsumer().isCapturing()).isFalse();
        assertThat(pcapConsumer().getCaptureOutages()).isEqualTo(1);
        assertThat(since(0)).as("nothing, above all no TICK, before the interface opens").isEmpty();

        fake0.up = true;
        sendRequest(7);
        advance(5000);
        awaitReceived("ADUS [7]");
        assertThat(since(0).get(0)).as("first message%s", since(0))
                .startsWith("ANOMALY CAPTURE_GAP interface fake0 unavailable for ")
                .contains("from the start of the capture: opening interface fake0: No such device exists");
        assertThat(pcapConsumer().isCapturing()).isTrue();
        assertThat(pcapConsumer().getCaptureOutages()).isEqualTo(1);
    }

    @Test
    void whatCanNeverWorkStillFailsTheStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("pcap:live:fake0?filter=tcp port nonsense").routeId("bad-filter").to("mock:unused");
            }
        })).hasStackTraceContaining("compiling filter 'tcp port nonsense'");
    }

    private void startCapture() throws Exception {
        PcapEndpoint endpoint = context.getEndpoint("pcap:live:fake0?ports=" + PORT + "&batchLinger=1",
                PcapEndpoint.class);
        endpoint.useLiveSource(fake0::open, clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId(ROUTE).process(LiveCaptureOutageTest.this::record);
            }
        });
    }

    private PcapConsumer pcapConsumer() {
        return (PcapConsumer) context.getRoute(ROUTE).getConsumer();
    }

    private synchronized void record(Exchange exchange) {
        String type = exchange.getMessage().getHeader(PcapConstants.MESSAGE_TYPE, String.class);
        received.add(switch (type) {
            case PcapConstants.TYPE_ADUS -> "ADUS " + exchange.getMessage().getBody(List.class).stream()
                    .filter(adu -> !((ModbusAdu) adu).fromServer()).map(adu -> ((ModbusAdu) adu).transactionId())
                    .toList();
            case PcapConstants.TYPE_ANOMALY -> {
                StreamAnomaly anomaly = exchange.getMessage().getBody(StreamAnomaly.class);
                yield "ANOMALY " + anomaly.kind() + " " + anomaly.detail();
            }
            default -> type;
        });
    }

    /** A copy of what was received from message {@code index} on. */
    private synchronized List<String> since(int index) {
        return new ArrayList<>(received.subList(index, received.size()));
    }

    private synchronized int count() {
        return received.size();
    }

    /** Moves the fake clock on and gives the capture thread time to see it. */
    private void advance(long millis) throws InterruptedException {
        clock.advance(millis);
        Thread.sleep(50);
    }

    private void advanceUntilReceived(String message) throws InterruptedException {
        for (int second = 0; second < 20 && !contains(message); second++) {
            advance(1000);
        }
        awaitReceived(message);
    }

    private synchronized boolean contains(String message) {
        return received.contains(message);
    }

    /** Waits until {@code messages} have been received in this order (others may come between them). */
    private void awaitReceived(String... messages) throws InterruptedException {
        Await.until(String.join(", ", messages), () -> {
            synchronized (this) {
                int from = 0;
                for (String message : messages) {
                    int at = received.subList(from, received.size()).indexOf(message);
                    if (at < 0) {
                        return false;
                    }
                    from += at + 1;
                }
                return true;
            }
        });
    }

    /** A write request from the client, its transaction id {@code id}, on a connection opened the first time. */
    private void sendRequest(int id) throws IOException {
        if (conversation == null) {
            conversation = new ModbusTcpConversation(address("10.213.9.1"), 40001, address("10.213.9.2"), PORT,
                    clock.epochMillis() / 1000, (second, nanos, frame) -> fake0.frames.add(
                            new CapturedFrame(1, second, nanos, frame.length, frame))).open();
        }
        conversation.fromClient(ModbusTcpConversation.adu(id, 10, HexFormat.of().parseHex("06000100ff")));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An interface that is there or not; every capture opened on it reads the same frames, once the clock has come to
     * {@code framesFromMillis}.
     */
    private static final class ScriptedInterface {
        final Queue<CapturedFrame> frames = new ConcurrentLinkedQueue<>();
        final AtomicLong openAttempts = new AtomicLong();
        final FakeClock clock;
        volatile boolean up = true;
        volatile long dropped;
        volatile long framesFromMillis;

        ScriptedInterface(FakeClock clock) {
            this.clock = clock;
        }

        FrameSource open() throws IOException {
            openAttempts.incrementAndGet();
            if (!up) {
                throw new IOException("opening interface fake0: No such device exists");
            }
            return new FrameSource() {
                @Override
                public CapturedFrame next() throws IOException {
                    if (!up) {
                        throw new IOException("The interface disappeared");
                    }
                    return clock.epochMillis() < framesFromMillis ? null : frames.poll();
                }

                @Override
                public long packetsDropped() {
                    return dropped;
                }

                @Override
                public boolean exhausted() {
                    return false;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final class FakeClock implements ReopeningSource.Clock {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        private final long startNanos = nanos.get();

        void advance(long millis) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public long epochMillis() {
            return START_MILLIS + TimeUnit.NANOSECONDS.toMillis(nanos.get() - startNanos);
        }
    }
}
