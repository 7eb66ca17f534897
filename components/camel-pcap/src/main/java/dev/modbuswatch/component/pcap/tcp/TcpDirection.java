package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.TcpConnection;

import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a TCP connection: puts segments in sequence order, drops bytes already seen (retransmissions and
 * duplicates), holds early segments until the hole before them is filled, and hands the ordered bytes to the framer.
 * A hole is given up on, and reported as a gap, when the peer has acknowledged past it (the capture missed bytes that
 * were delivered), when the held segments exceed the buffer limit, or when the stream ends.
 * <p>
 * Sequence numbers are unwrapped to 64-bit stream positions so that wrap-around at 2^32 needs no special case.
 */
final class TcpDirection {

    private static final long UNKNOWN = Long.MIN_VALUE;
    /** What a held segment costs beyond its bytes, so that even empty ones count against the limit. */
    private static final int HELD_SEGMENT_OVERHEAD = 64;

    private final TcpConnection connection;
    private final boolean fromServer;
    private final ModbusAduFramer framer;
    private final StreamListener listener;
    private final TrafficCounters counters;
    private final int maxHeldBytes;

    private final TreeMap<Long, HeldSegment> held = new TreeMap<>();
    private int heldBytes;
    /** Stream position of the next byte to deliver. */
    private long next = UNKNOWN;
    /** Highest stream position the peer has acknowledged. */
    private long peerAcknowledged = UNKNOWN;
    private boolean finished;
    /** Stream position of the FIN; the stream ends once everything before it is delivered. */
    private long finAt = UNKNOWN;
    private long initialSequence = UNKNOWN;
    private SegmentTime lastTime;

    /** @param missing bytes after {@code bytes} that the capture did not keep (snapshot length) */
    private record HeldSegment(byte[] bytes, int missing, SegmentTime time) {

        int cost() {
            return bytes.length + HELD_SEGMENT_OVERHEAD;
        }
    }

    TcpDirection(TcpConnection connection, boolean fromServer, StreamListener listener, TrafficCounters counters,
                 int maxHeldBytes) {
        this.connection = connection;
        this.fromServer = fromServer;
        this.listener = listener;
        this.counters = counters;
        this.maxHeldBytes = maxHeldBytes;
        this.framer = new ModbusAduFramer(connection, fromServer, listener, counters);
    }

    /**
     * A SYN starts the stream, or restarts it when the connection's ports are reused after it finished. A repeated
     * SYN, or one arriving while the stream is going, changes nothing.
     */
    void onSyn(long sequence, SegmentTime time) {
        if (next != UNKNOWN && (sequence == initialSequence || !finished)) {
            return;
        }
        if (next != UNKNOWN) {
            end(time);
        }
        initialSequence = sequence;
        next = sequence + 1 & 0xFFFFFFFFL;
        peerAcknowledged = UNKNOWN;
        finished = false;
        finAt = UNKNOWN;
    }

    /**
     * @param missing payload bytes of this segment that the capture did not keep (snapshot length)
     */
    void onData(long sequence, byte[] data, int offset, int length, int missing, SegmentTime time) {
        if (next == UNKNOWN) {
            next = sequence;
        }
        long start = unwrap(sequence);
        long end = start + length + missing;
        if (end <= next) {
            counters.retransmittedSegments++;
            counters.retransmittedBytes += length + missing;
            return;
        }
        if (start < next) {
            int seen = (int) (next - start);
            counters.retransmittedBytes += seen;
            if (seen >= length) {
                skipTo(end, time);
                return;
            }
            deliver(data, offset + seen, length - seen, false, time);
        } else if (start == next) {
            int ahead = held.isEmpty() ? length : (int) Math.min(length, held.firstKey() - start);
            if (ahead < length) {
                // Bytes already held keep the time they were first captured at.
                hold(start + ahead, data, offset + ahead, length - ahead, missing, time);
                missing = 0;
            }
            deliver(data, offset, ahead, true, time);
        } else {
            hold(start, data, offset, length, missing, time);
            giveUpHolesBefore(peerAcknowledged, time);
            while (heldBytes > maxHeldBytes && !held.isEmpty()) {
                skipTo(held.firstKey(), time);
            }
            return;
        }
        if (missing > 0) {
            skipTo(end, time);
        }
        deliverHeld();
    }

    /** The peer acknowledged bytes up to {@code acknowledgement}; a hole before that will never be filled. */
    void onPeerAcknowledgement(long acknowledgement, SegmentTime time) {
        if (next == UNKNOWN) {
            return;
        }
        long position = unwrap(acknowledgement);
        if (position > peerAcknowledged) {
            peerAcknowledged = position;
        }
        giveUpHolesBefore(position, time);
    }

    /** Every hole in front of a held segment that starts at or before {@code position} is given up. */
    private void giveUpHolesBefore(long position, SegmentTime time) {
        while (!held.isEmpty() && held.firstKey() <= position) {
            skipTo(held.firstKey(), time);
        }
    }

    /**
     * The sender closed its side after the bytes before {@code position}. Holes before it may still be filled by
     * retransmissions, so the stream ends only when everything up to the FIN has been delivered (or, failing that,
     * when the connection is forgotten or the capture ends).
     */
    void onFin(long position, SegmentTime time) {
        if (next == UNKNOWN) {
            next = position;
        }
        finAt = unwrap(position);
        finished = true;
        endIfComplete(time);
    }

    private void endIfComplete(SegmentTime time) {
        if (finAt != UNKNOWN && next >= finAt && held.isEmpty()) {
            framer.onEnd(time);
            finAt = UNKNOWN;
        }
    }

    int heldSegments() {
        return held.size();
    }

    boolean finished() {
        return finished;
    }

    /** Gives up on every hole and frames what is held, then ends the stream. */
    void end(SegmentTime time) {
        while (!held.isEmpty()) {
            skipTo(held.firstKey(), time);
        }
        framer.onEnd(time);
    }

    private void hold(long start, byte[] data, int offset, int length, int missing, SegmentTime time) {
        HeldSegment already = held.get(start);
        if (already != null && already.bytes.length + already.missing >= length + missing) {
            counters.retransmittedSegments++;
            counters.retransmittedBytes += length;
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        HeldSegment segment = new HeldSegment(copy, missing, time);
        held.put(start, segment);
        heldBytes += segment.cost() - (already == null ? 0 : already.cost());
    }

    private void skipTo(long position, SegmentTime time) {
        if (position <= next) {
            return;
        }
        long missing = position - next;
        counters.gaps++;
        counters.gapBytes += missing;
        listener.onAnomaly(new StreamAnomaly(time.epochSecond(), time.nanos(), connection, fromServer,
                StreamAnomaly.Kind.GAP, missing, missing + " bytes missing from the capture; resynchronising"));
        framer.onGap(time);
        next = position;
        deliverHeld();
    }

    private void deliverHeld() {
        while (!held.isEmpty() && held.firstKey() <= next) {
            Map.Entry<Long, HeldSegment> first = held.pollFirstEntry();
            HeldSegment segment = first.getValue();
            heldBytes -= segment.cost();
            long start = first.getKey();
            long end = start + segment.bytes.length;
            if (end + segment.missing <= next) {
                counters.retransmittedSegments++;
                counters.retransmittedBytes += segment.bytes.length;
                continue;
            }
            if (end > next) {
                int seen = (int) (next - start);
                counters.retransmittedBytes += seen;
                deliver(segment.bytes, seen, segment.bytes.length - seen, seen == 0, segment.time);
            }
            if (segment.missing > 0) {
                skipTo(end + segment.missing, segment.time);
                return;
            }
        }
        endIfComplete(lastTime);
    }

    private void deliver(byte[] data, int offset, int length, boolean segmentStart, SegmentTime time) {
        lastTime = time;
        next += length;
        framer.onBytes(data, offset, length, segmentStart, time);
    }

    private long unwrap(long sequence) {
        return next + (int) (sequence - next);
    }
}
