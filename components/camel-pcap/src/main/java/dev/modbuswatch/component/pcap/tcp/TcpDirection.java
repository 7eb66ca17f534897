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

    private record HeldSegment(byte[] bytes, SegmentTime time) {
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

    void onSyn(long sequence, SegmentTime time) {
        if (next != UNKNOWN) {
            end(time);
        }
        next = sequence + 1 & 0xFFFFFFFFL;
        peerAcknowledged = UNKNOWN;
        finished = false;
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
            deliver(data, offset, length, true, time);
        } else {
            hold(start, data, offset, length, time);
            giveUpHolesBefore(peerAcknowledged, time);
            while (heldBytes > maxHeldBytes) {
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

    void onFin(SegmentTime time) {
        end(time);
        finished = true;
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

    private void hold(long start, byte[] data, int offset, int length, SegmentTime time) {
        HeldSegment already = held.get(start);
        if (already != null && already.bytes.length >= length) {
            counters.retransmittedSegments++;
            counters.retransmittedBytes += length;
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        held.put(start, new HeldSegment(copy, time));
        heldBytes += length - (already == null ? 0 : already.bytes.length);
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
            heldBytes -= segment.bytes.length;
            long start = first.getKey();
            long end = start + segment.bytes.length;
            if (end <= next) {
                counters.retransmittedSegments++;
                counters.retransmittedBytes += segment.bytes.length;
                continue;
            }
            int seen = (int) (next - start);
            counters.retransmittedBytes += seen;
            deliver(segment.bytes, seen, segment.bytes.length - seen, seen == 0, segment.time);
        }
    }

    private void deliver(byte[] data, int offset, int length, boolean segmentStart, SegmentTime time) {
        next += length;
        framer.onBytes(data, offset, length, segmentStart, time);
    }

    private long unwrap(long sequence) {
        return next + (int) (sequence - next);
    }
}
