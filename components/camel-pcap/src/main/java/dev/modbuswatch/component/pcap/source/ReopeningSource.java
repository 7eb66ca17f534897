package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A live capture that survives its interface: when reading fails (interface deleted, libpcap error) or the interface
 * goes down, it closes the capture, reports an outage and reopens it with a growing wait (at most
 * {@link #LONGEST_RETRY_NANOS}) until it works again. A capture that cannot be opened at start (the interface is not
 * there yet) is an outage too, retried the same way. While out, {@link #next()} returns null at once and
 * {@link #available()} is false, so the reading thread stops as quickly as ever and can tell that no time is being
 * observed. Every {@link #HEALTH_CHECK_NANOS} it also checks the interface and reads libpcap's drop counters, which
 * it reports as they rise. Used by the capture thread only; {@link #packetsDropped()} and {@link #available()} may be
 * read from any thread.
 */
public final class ReopeningSource implements FrameSource {

    public static final long FIRST_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    public static final long LONGEST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long HEALTH_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Opens the capture again. */
    public interface Opener {
        FrameSource open() throws IOException;
    }

    /** Monotonic time for waits, wall-clock time for what is reported. */
    public interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long epochMillis() {
                return System.currentTimeMillis();
            }
        };

        long nanoTime();

        long epochMillis();
    }

    private final Opener opener;
    private final CaptureHealthListener listener;
    private final Clock clock;
    private final RetryBackoff backoff = new RetryBackoff(FIRST_RETRY_NANOS, LONGEST_RETRY_NANOS);
    /** Null during an outage. */
    private FrameSource current;
    private long outageStartMillis;
    private String outageCause;
    private long nextAttemptNanos;
    private long nextHealthCheckNanos;
    /** Drops counted by the sources already closed. */
    private long droppedBefore;
    /** Drops counted by the current source when last read. */
    private long droppedByCurrent;
    /** Drops of every source, as last read. */
    private volatile long dropped;
    private long droppedReported;
    private long dropsReportedMillis;
    private volatile boolean available = true;

    /** @param opened the capture, opened already */
    ReopeningSource(FrameSource opened, Opener opener, CaptureHealthListener listener, Clock clock) {
        this.current = opened;
        this.opener = opener;
        this.listener = listener;
        this.clock = clock;
        this.nextHealthCheckNanos = clock.nanoTime() + HEALTH_CHECK_NANOS;
        this.dropsReportedMillis = clock.epochMillis();
    }

    /**
     * Opens the capture; when that fails (the interface is missing or down, libpcap refuses), the capture starts in an
     * outage, reported with {@link CaptureHealthListener#startFailed}, and opening is retried as after any outage.
     */
    public static ReopeningSource open(Opener opener, CaptureHealthListener listener, Clock clock) {
        FrameSource opened = null;
        String failure;
        try {
            opened = opener.open();
            opened.checkHealth();
            failure = null;
        } catch (IOException e) {
            closeQuietly(opened);
            opened = null;
            failure = e.getMessage();
        }
        ReopeningSource source = new ReopeningSource(opened, opener, listener, clock);
        if (opened == null) {
            source.startOutage(clock.nanoTime(), failure);
            listener.startFailed(source.outageStartMillis, source.outageCause);
        }
        return source;
    }

    @Override
    public CapturedFrame next() {
        long now = clock.nanoTime();
        if (current == null && now - nextAttemptNanos >= 0) {
            reopen(now);
        }
        if (current != null && now - nextHealthCheckNanos >= 0) {
            checkHealth(now);
        }
        if (current == null) {
            return null;
        }
        try {
            return current.next();
        } catch (IOException e) {
            lose(now, e.getMessage());
            return null;
        }
    }

    private void checkHealth(long now) {
        nextHealthCheckNanos = now + HEALTH_CHECK_NANOS;
        try {
            current.checkHealth();
        } catch (IOException e) {
            lose(now, e.getMessage());
            return;
        }
        reportDrops();
    }

    private void reportDrops() {
        readDrops();
        long nowMillis = clock.epochMillis();
        long total = dropped;
        listener.dropsRead(dropsReportedMillis, nowMillis, total - droppedReported);
        droppedReported = total;
        dropsReportedMillis = nowMillis;
    }

    private void readDrops() {
        long counted = current.packetsDropped();
        if (counted >= 0 && counted < droppedByCurrent) {
            // libpcap's 32-bit counter wrapped: count from here
            droppedBefore += droppedByCurrent;
        }
        if (counted >= 0) {
            droppedByCurrent = counted;
        }
        dropped = droppedBefore + droppedByCurrent;
    }

    private void lose(long now, String cause) {
        readDrops();
        droppedBefore = dropped;
        droppedByCurrent = 0;
        closeQuietly(current);
        current = null;
        startOutage(now, cause);
        listener.outageStarted(outageStartMillis, outageCause);
    }

    private void startOutage(long now, String cause) {
        available = false;
        outageStartMillis = clock.epochMillis();
        outageCause = cause == null || cause.isBlank() ? "unknown error" : cause;
        backoff.reset();
        nextAttemptNanos = now + backoff.next();
    }

    private void reopen(long now) {
        FrameSource reopened = null;
        try {
            reopened = opener.open();
            reopened.checkHealth();
        } catch (IOException e) {
            closeQuietly(reopened);
            nextAttemptNanos = now + backoff.next();
            return;
        }
        current = reopened;
        available = true;
        nextHealthCheckNanos = now + HEALTH_CHECK_NANOS;
        listener.outageEnded(outageStartMillis, clock.epochMillis(), outageCause, true);
    }

    private static void closeQuietly(FrameSource source) {
        if (source == null) {
            return;
        }
        try {
            source.close();
        } catch (IOException | RuntimeException e) {
            // already broken; its last drop count has been read
        }
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    @Override
    public boolean available() {
        return available;
    }

    /** Drops of every capture opened so far, as last read (every few seconds, and at close). */
    @Override
    public long packetsDropped() {
        return dropped;
    }

    @Override
    public void close() throws IOException {
        long nowMillis = clock.epochMillis();
        available = false;
        try {
            if (current == null) {
                listener.outageEnded(outageStartMillis, nowMillis, outageCause, false);
            } else {
                reportDrops();
                current.close();
                current = null;
            }
        } finally {
            listener.stopped(nowMillis);
        }
    }
}
