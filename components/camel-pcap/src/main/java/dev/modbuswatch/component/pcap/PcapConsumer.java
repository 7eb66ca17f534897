package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import dev.modbuswatch.component.pcap.packet.FrameDecodeException;
import dev.modbuswatch.component.pcap.packet.FrameDecoder;
import dev.modbuswatch.component.pcap.packet.TcpSegment;
import dev.modbuswatch.component.pcap.source.FrameSource;
import dev.modbuswatch.component.pcap.source.ReopeningSource;
import dev.modbuswatch.component.pcap.tcp.ModbusStreamTracker;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads frames on its own thread, follows the TCP connections and queues the ADUs for the route, which a second thread
 * hands them to, so that a slow route does not keep the first one from reading (see {@link RouteHandOff}). Every
 * capture ends with an {@code END_OF_CAPTURE} message: at the end of a file, when the consumer stops, or when capture
 * fails (with the reason in a header). Stopping waits until the route has processed it. A live capture whose interface
 * fails, or cannot be opened at start, is (re)opened until it works ({@link ReopeningSource}); what it missed is
 * logged, counted and sent to the route as {@link StreamAnomaly.Kind#CAPTURE_GAP} anomalies
 * ({@link CaptureHealthReport}). No {@code TICK} is sent while it is out: the routes' capture-time clock must not run
 * while nothing is observed, so the {@code CAPTURE_GAP} reaches the route before the clock moves on.
 */
@ManagedResource(description = "Modbus/TCP capture consumer")
public class PcapConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PcapConsumer.class);
    private static final long IDLE_POLL_MILLIS = 2;
    private static final long TICK_MILLIS = 1000;
    private static final int MALFORMED_FRAMES_LOGGED = 10;

    private final PcapEndpoint endpoint;
    private final FrameDecoder frameDecoder = new FrameDecoder();
    private ExecutorService captureExecutor;
    private ExecutorService deliveryExecutor;
    private volatile RouteHandOff routeHandOff;
    private volatile FrameSource frameSource;
    private volatile boolean capturing;
    private volatile long frames;
    private volatile long framesNotTcp;
    private volatile long framesMalformed;
    private volatile ModbusStreamTracker tracker;
    private volatile CaptureHealthReport healthReport;

    public PcapConsumer(PcapEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        String name = endpoint.getKind() + "-" + endpoint.getSource();
        RouteHandOff handOff = new RouteHandOff(this, endpoint.getSource(), endpoint.getQueueSize());
        routeHandOff = handOff;
        deliveryExecutor = executors.newSingleThreadExecutor(this, "pcap-route-" + name);
        deliveryExecutor.submit(handOff::deliverUntilEnd);
        captureExecutor = executors.newSingleThreadExecutor(this, "pcap-" + name);
        captureExecutor.submit(() -> capture(handOff));
    }

    /**
     * The capture thread sees the stop and queues what it still holds, then END_OF_CAPTURE; this waits, up to the
     * context's shutdown timeout, until the route has processed all of it.
     */
    @Override
    protected void doStop() throws Exception {
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (deliveryExecutor != null) {
            ShutdownStrategy shutdown = getEndpoint().getCamelContext().getShutdownStrategy();
            executors.shutdownGraceful(deliveryExecutor, shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
            deliveryExecutor = null;
        }
        if (captureExecutor != null) {
            // END_OF_CAPTURE is the capture thread's last message, so it is done by now, unless delivery was cut
            // short and it still waits on a full queue.
            executors.shutdownNow(captureExecutor);
            captureExecutor = null;
        }
        super.doStop();
    }

    private void capture(RouteHandOff handOff) {
        AduBatchSender sender = new AduBatchSender(handOff, endpoint.getBatchSize());
        String failure;
        try {
            failure = captureUntilEnd(sender);
        } catch (RuntimeException | Error e) {
            LOG.error("Capture from {} stopped: {}", endpoint.getSource(), e.toString(), e);
            failure = "Capture from " + endpoint.getSource() + " stopped: " + e;
        }
        sender.endOfCapture(statistics(), failure);
    }

    /** Reads until the end of the file, a stop or a failure; returns why capture stopped early, or null. */
    private String captureUntilEnd(AduBatchSender sender) {
        ModbusStreamTracker streams = new ModbusStreamTracker(endpoint.serverPorts(), endpoint.getMaxConnections(),
                endpoint.getMaxHeldBytes(), endpoint.getIdleTimeout(), sender);
        tracker = streams;
        long lingerNanos = TimeUnit.MILLISECONDS.toNanos(endpoint.getBatchLinger());
        ReopeningSource.Clock clock = endpoint.clock();
        long lastTickMillis = clock.epochMillis();
        long lastSecond = 0;
        int lastNanos = 0;
        boolean announced = false;
        String failure = null;
        try (FrameSource source = open(sender, clock)) {
            frameSource = source;
            capturing = true;
            while (isRunAllowed() && !isSuspendingOrSuspended()) {
                if (!announced && source.available()) {
                    announced = true;
                    LOG.info("Capturing Modbus/TCP from {} {} (server ports {})", endpoint.getKind(),
                            endpoint.getSource(), endpoint.getPorts());
                }
                CapturedFrame frame = source.next();
                if (frame == null) {
                    if (source.exhausted()) {
                        break;
                    }
                    sender.flush();
                    long now = clock.epochMillis();
                    if (now - lastTickMillis >= TICK_MILLIS && source.available()) {
                        lastTickMillis = now;
                        sender.tick(now * 1_000_000L);
                    }
                    Thread.sleep(IDLE_POLL_MILLIS);
                    continue;
                }
                frames++;
                lastSecond = frame.epochSecond();
                lastNanos = frame.nanos();
                follow(frame, streams);
                if (endpoint.getKind() == CaptureKind.live) {
                    sender.flushIfOlderThan(lingerNanos);
                }
            }
            if (endpoint.getKind() == CaptureKind.file && !source.exhausted()) {
                failure = "Capture from " + endpoint.getSource() + " stopped before the end of the file";
            }
            if (source.truncatedAt() >= 0) {
                LOG.warn("{} is cut short at byte offset {}: the record there is incomplete; everything before it was"
                        + " processed", endpoint.getSource(), source.truncatedAt());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = "Capture from " + endpoint.getSource() + " failed: " + e.getMessage();
            getExceptionHandler().handleException(failure, e);
        } finally {
            capturing = false;
        }
        // Also when a live capture stops: what is held or batched still reaches the route.
        streams.endAll(lastSecond, lastNanos);
        return failure;
    }

    /** A file as it is; a live interface wrapped so that it is opened until it works, at start and after failures. */
    private FrameSource open(AduBatchSender sender, ReopeningSource.Clock clock) throws Exception {
        if (endpoint.getKind() != CaptureKind.live) {
            return endpoint.openSource();
        }
        CaptureHealthReport report = new CaptureHealthReport(endpoint.getSource(), clock.epochMillis(),
                sender::onAnomaly);
        healthReport = report;
        return ReopeningSource.open(endpoint.liveOpener(), report, clock);
    }

    private void follow(CapturedFrame frame, ModbusStreamTracker streams) {
        try {
            TcpSegment segment = frameDecoder.decode(frame);
            if (segment == null) {
                framesNotTcp++;
                return;
            }
            streams.onSegment(segment, Math.max(0, frameDecoder.missingPayloadBytes()));
        } catch (FrameDecodeException e) {
            framesMalformed++;
            if (framesMalformed <= MALFORMED_FRAMES_LOGGED) {
                LOG.warn("Frame {} of {} skipped: {}{}", frames, endpoint.getSource(), e.getMessage(),
                        framesMalformed == MALFORMED_FRAMES_LOGGED ? " (further malformed frames are only counted)" : "");
            }
        }
    }

    /** Counters so far; safe to call from any thread, exact once the capture has ended. */
    public CaptureStatistics statistics() {
        FrameSource source = frameSource;
        ModbusStreamTracker streams = tracker;
        return new CaptureStatistics(frames, framesNotTcp, framesMalformed,
                source == null ? 0 : source.packetsDropped(), source == null ? -1 : source.truncatedAt(),
                streams == null ? null : streams.statistics(), outages());
    }

    private CaptureOutages outages() {
        CaptureHealthReport report = healthReport;
        return report == null ? CaptureOutages.NONE : report.outages(System.currentTimeMillis());
    }

    @ManagedAttribute(description = "Frames read")
    public long getFrames() {
        return frames;
    }

    @ManagedAttribute(description = "Packets dropped by the kernel or interface (live capture)")
    public long getPacketsDropped() {
        FrameSource source = frameSource;
        return source == null ? 0 : source.packetsDropped();
    }

    @ManagedAttribute(description = "Times the live capture's interface failed (deleted, down, libpcap error) and was"
            + " reopened or is being reopened")
    public long getCaptureOutages() {
        return outages().count();
    }

    @ManagedAttribute(description = "Milliseconds without live capture because the interface had failed, in all")
    public long getCaptureOutageMillis() {
        return outages().totalMillis();
    }

    @ManagedAttribute(description = "Whether the capture source is open and frames are being read (false while a"
            + " failed interface is being reopened)")
    public boolean isCapturing() {
        FrameSource source = frameSource;
        return capturing && source != null && source.available();
    }

    @ManagedAttribute(description = "Whether the capture ended and its END_OF_CAPTURE message has been processed")
    public boolean isEnded() {
        RouteHandOff handOff = routeHandOff;
        return handOff != null && handOff.ended();
    }

    @ManagedAttribute(description = "Messages (ADU batches, anomalies, ticks) read from the capture and waiting for"
            + " the route")
    public int getQueuedMessages() {
        RouteHandOff handOff = routeHandOff;
        return handOff == null ? 0 : handOff.queued();
    }

    /** How far through a capture file this is (0 to 1), or -1 for live capture. */
    public double getProgress() {
        FrameSource source = frameSource;
        return source == null ? 0 : source.progress();
    }
}
