package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Reopening a failed live capture with a growing wait, and reading the drop counters, on a fake clock and source. */
class ReopeningSourceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long START_MILLIS = 1_764_000_000_000L;

    private final FakeClock clock = new FakeClock();
    private final Recorder events = new Recorder();
    private final Deque<Object> openings = new ArrayDeque<>();
    private final List<Long> attemptsAtMillis = new ArrayList<>();
    private final FakeSource first = new FakeSource();

    private final ReopeningSource source = new ReopeningSource(first, this::open, events, clock);

    @Test
    void framesPassThroughWhileAllIsWell() throws IOException {
        CapturedFrame frame = frame();
        first.frames.add(frame);

        assertThat(source.next()).isSameAs(frame);
        assertThat(source.next()).isNull();
        assertThat(source.available()).isTrue();
        assertThat(events.lines).isEmpty();
    }

    @Test
    void aReadErrorStartsAnOutageAndReopeningWaitsLongerEachTimeUpToFiveSeconds() throws IOException {
        first.failure = new IOException("The interface disappeared");
        for (int i = 0; i < 7; i++) {
            openings.add(new IOException("mwcap0: No such device exists"));
        }
        FakeSource reopened = new FakeSource();
        CapturedFrame frame = frame();
        reopened.frames.add(frame);
        openings.add(reopened);

        assertThat(source.next()).isNull();
        assertThat(first.closed).isTrue();
        assertThat(source.available()).isFalse();
        assertThat(events.lines).containsExactly("outage started at 0: The interface disappeared");

        CapturedFrame read = null;
        for (int step = 0; step < 40_000 && read == null; step++) {
            clock.advance(MS);
            read = source.next();
        }

        assertThat(read).isSameAs(frame);
        assertThat(attemptsAtMillis).containsExactly(250L, 750L, 1750L, 3750L, 7750L, 12750L, 17750L, 22750L);
        assertThat(source.available()).isTrue();
        assertThat(events.lines).containsExactly("outage started at 0: The interface disappeared",
                "outage ended at 22750 after 22750 ms, resumed: The interface disappeared");
    }

    @Test
    void aSecondOutageWaitsAQuarterSecondAgainAtFirst() throws IOException {
        first.failure = new IOException("The interface disappeared");
        FakeSource second = new FakeSource();
        second.failure = new IOException("The interface disappeared");
        openings.add(second);
        openings.add(new FakeSource());

        source.next();
        clock.advance(250 * MS);
        source.next();
        source.next();
        clock.advance(250 * MS);
        source.next();

        assertThat(attemptsAtMillis).containsExactly(250L, 500L);
        assertThat(events.lines).hasSize(4).last().asString().contains("resumed");
    }

    @Test
    void anInterfaceTakenDownIsNoticedAtTheNextHealthCheckAndStaysOutWhileStillDown() throws IOException {
        first.down = true;
        FakeSource stillDown = new FakeSource();
        stillDown.down = true;
        openings.add(stillDown);
        openings.add(new FakeSource());

        clock.advance(1999 * MS);
        source.next();
        assertThat(events.lines).isEmpty();
        clock.advance(MS);
        source.next();
        assertThat(events.lines).containsExactly("outage started at 2000: the interface is down");

        clock.advance(250 * MS);
        source.next();
        assertThat(stillDown.closed).as("a reopened capture on an interface still down is closed").isTrue();
        assertThat(source.available()).isFalse();
        clock.advance(500 * MS);
        source.next();
        assertThat(source.available()).isTrue();
        assertThat(events.lines).last().isEqualTo("outage ended at 2750 after 750 ms, resumed: the interface is down");
    }

    @Test
    void stoppingDuringAnOutageEndsItUnresumed() throws IOException {
        first.failure = new IOException("The interface disappeared");
        openings.add(new IOException("No such device"));
        source.next();
        clock.advance(3000 * MS);
        source.next();

        source.close();

        assertThat(events.lines).containsExactly("outage started at 0: The interface disappeared",
                "outage ended at 3000 after 3000 ms, not resumed: The interface disappeared", "stopped at 3000");
    }

    @Test
    void anInterfaceMissingAtStartIsAnOutageRetriedLikeAnyOther() throws IOException {
        openings.add(new IOException("opening interface mwcap0: No such device exists"));
        openings.add(new IOException("opening interface mwcap0: No such device exists"));
        FakeSource opened = new FakeSource();
        CapturedFrame frame = frame();
        opened.frames.add(frame);
        openings.add(opened);

        ReopeningSource starting = ReopeningSource.open(this::open, events, clock);

        assertThat(starting.available()).isFalse();
        assertThat(starting.next()).isNull();
        assertThat(events.lines).containsExactly("start failed at 0: opening interface mwcap0: No such device exists");
        CapturedFrame read = null;
        for (int step = 0; step < 2_000 && read == null; step++) {
            clock.advance(MS);
            read = starting.next();
        }
        assertThat(read).isSameAs(frame);
        assertThat(attemptsAtMillis).containsExactly(0L, 250L, 750L);
        assertThat(starting.available()).isTrue();
        assertThat(events.lines).containsExactly("start failed at 0: opening interface mwcap0: No such device exists",
                "outage ended at 750 after 750 ms, resumed: opening interface mwcap0: No such device exists");
    }

    @Test
    void anInterfaceThatOpensAtStartIsNoOutage() throws IOException {
        openings.add(first);

        ReopeningSource starting = ReopeningSource.open(this::open, events, clock);

        assertThat(starting.available()).isTrue();
        assertThat(starting.next()).isNull();
        assertThat(events.lines).isEmpty();
    }

    @Test
    void anInterfaceDownAtStartIsAnOutageToo() throws IOException {
        first.down = true;
        openings.add(first);

        ReopeningSource starting = ReopeningSource.open(this::open, events, clock);

        assertThat(first.closed).isTrue();
        assertThat(starting.available()).isFalse();
        assertThat(events.lines).containsExactly("start failed at 0: the interface is down");
    }

    @Test
    void dropsAreReadEveryTwoSecondsAndReportedAsTheyRise() throws IOException {
        first.dropped = 0;
        clock.advance(2000 * MS);
        source.next();
        first.dropped = 37;
        clock.advance(1000 * MS);
        source.next();
        assertThat(source.packetsDropped()).as("not read before the next health check").isZero();
        clock.advance(1000 * MS);
        source.next();
        first.dropped = 40;

        source.close();

        assertThat(events.lines).containsExactly("0 dropped from 0 to 2000", "37 dropped from 2000 to 4000",
                "3 dropped from 4000 to 4000", "stopped at 4000");
        assertThat(source.packetsDropped()).isEqualTo(40);
    }

    @Test
    void dropsAddUpOverReopenings() throws IOException {
        first.dropped = 5;
        first.failure = new IOException("The interface disappeared");
        FakeSource reopened = new FakeSource();
        openings.add(reopened);

        source.next();
        clock.advance(250 * MS);
        source.next();
        reopened.dropped = 2;
        clock.advance(2000 * MS);
        source.next();

        assertThat(events.lines).containsExactly("outage started at 0: The interface disappeared",
                "outage ended at 250 after 250 ms, resumed: The interface disappeared",
                "7 dropped from 0 to 2250");
        assertThat(source.packetsDropped()).isEqualTo(7);
    }

    private FrameSource open() throws IOException {
        attemptsAtMillis.add(clock.epochMillis() - START_MILLIS);
        Object next = openings.poll();
        if (next instanceof IOException failure) {
            throw failure;
        }
        if (next == null) {
            throw new IOException("no more openings scripted");
        }
        return (FrameSource) next;
    }

    private static CapturedFrame frame() {
        return new CapturedFrame(1, 1, 0, 60, new byte[60]);
    }

    private static final class FakeClock implements ReopeningSource.Clock {
        long nanos = 1_000_000_000L;
        private final long startNanos = nanos;

        void advance(long by) {
            nanos += by;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long epochMillis() {
            return START_MILLIS + (nanos - startNanos) / MS;
        }
    }

    private static final class FakeSource implements FrameSource {
        final Deque<CapturedFrame> frames = new ArrayDeque<>();
        IOException failure;
        boolean down;
        long dropped;
        boolean closed;

        @Override
        public CapturedFrame next() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return frames.poll();
        }

        @Override
        public void checkHealth() throws IOException {
            if (down) {
                throw new IOException("the interface is down");
            }
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
            closed = true;
        }
    }

    /** What the listener heard, times in milliseconds since the start of the test. */
    private static final class Recorder implements CaptureHealthListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void outageStarted(long startMillis, String cause) {
            lines.add("outage started at " + (startMillis - START_MILLIS) + ": " + cause);
        }

        @Override
        public void startFailed(long startMillis, String cause) {
            lines.add("start failed at " + (startMillis - START_MILLIS) + ": " + cause);
        }

        @Override
        public void outageEnded(long startMillis, long endMillis, String cause, boolean resumed) {
            lines.add("outage ended at " + (endMillis - START_MILLIS) + " after " + (endMillis - startMillis) + " ms, "
                    + (resumed ? "resumed" : "not resumed") + ": " + cause);
        }

        @Override
        public void dropsRead(long sinceMillis, long nowMillis, long dropped) {
            lines.add(dropped + " dropped from " + (sinceMillis - START_MILLIS) + " to " + (nowMillis - START_MILLIS));
        }

        @Override
        public void stopped(long nowMillis) {
            lines.add("stopped at " + (nowMillis - START_MILLIS));
        }
    }
}
