package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.component.pcap.packet.TcpSegment;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows every TCP connection to or from a Modbus server port and turns their bytes into ADUs, in capture order.
 * A connection is forgotten {@link #CLOSED_LINGER_SECONDS} after both sides closed it or one reset it (long enough to
 * recognise late retransmissions), after {@code idleSeconds} without a segment (capture time), or, oldest first, when
 * more than {@code maxConnections} are open. Not thread-safe: one capture thread drives it.
 */
public final class ModbusStreamTracker {

    static final long CLOSED_LINGER_SECONDS = 60;

    private final boolean[] serverPorts = new boolean[65536];
    private final StreamListener listener;
    private final int maxConnections;
    private final int maxHeldBytes;
    private final long idleSeconds;
    private final TrafficCounters counters = new TrafficCounters();
    /** In access order, so the least recently seen connection comes first. */
    private final LinkedHashMap<TcpConnection, ConnectionState> connections = new LinkedHashMap<>(256, 0.75f, true);
    private long lastIdleCheckSecond = Long.MIN_VALUE;
    private final ArrayDeque<Closed> closedOldestFirst = new ArrayDeque<>();

    private record Closed(TcpConnection key, long second) {
    }

    public ModbusStreamTracker(int[] modbusServerPorts, int maxConnections, int maxHeldBytesPerDirection,
                               long idleSeconds, StreamListener listener) {
        for (int port : modbusServerPorts) {
            serverPorts[port] = true;
        }
        this.maxConnections = maxConnections;
        this.maxHeldBytes = maxHeldBytesPerDirection;
        this.idleSeconds = idleSeconds;
        this.listener = listener;
    }

    /**
     * @param missingPayload payload bytes of the segment that the capture did not keep (cut by the snapshot length)
     */
    public void onSegment(TcpSegment segment, int missingPayload) {
        boolean toServer = serverPorts[segment.destinationPort()];
        if (!toServer && !serverPorts[segment.sourcePort()]) {
            counters.segmentsOffModbusPorts++;
            return;
        }
        counters.segments++;
        SegmentTime time = new SegmentTime(segment.epochSecond(), segment.nanos(), segment.flags());
        forgetIdle(time);
        TcpConnection key = toServer
                ? new TcpConnection(segment.source(), segment.sourcePort(), segment.destination(), segment.destinationPort())
                : new TcpConnection(segment.destination(), segment.destinationPort(), segment.source(), segment.sourcePort());
        ConnectionState connection = connections.get(key);
        if (connection == null) {
            connection = open(key, time);
        }
        connection.lastSeenSecond = segment.epochSecond();
        TcpDirection sending = toServer ? connection.toServer : connection.toClient;
        TcpDirection receiving = toServer ? connection.toClient : connection.toServer;

        boolean syn = segment.has(TcpSegment.SYN);
        if (syn) {
            sending.onSyn(segment.sequence(), time);
        }
        if (segment.has(TcpSegment.ACK)) {
            receiving.onPeerAcknowledgement(segment.acknowledgement(), time);
        }
        // Data on a SYN starts after the SYN's own sequence number.
        long dataStart = syn ? segment.sequence() + 1 & 0xFFFF_FFFFL : segment.sequence();
        int dataLength = segment.payloadLength() + missingPayload;
        if (dataLength > 0) {
            connection.closed = false;
            sending.onData(dataStart, segment.frame(), segment.payloadOffset(), segment.payloadLength(),
                    missingPayload, time);
        }
        if (segment.has(TcpSegment.RST) && !connection.closed) {
            connection.end(time);
            markClosed(key, connection, time);
        } else if (segment.has(TcpSegment.FIN) && !sending.finished()) {
            sending.onFin(dataStart + dataLength & 0xFFFF_FFFFL, time);
            if (receiving.finished()) {
                markClosed(key, connection, time);
            }
        }
    }

    private void markClosed(TcpConnection key, ConnectionState connection, SegmentTime time) {
        connection.closed = true;
        closedOldestFirst.add(new Closed(key, time.epochSecond()));
    }

    /** Ends every stream: holes are given up on and what was held is framed. For the end of a capture. */
    public void endAll(long epochSecond, int nanos) {
        SegmentTime time = new SegmentTime(epochSecond, nanos, 0);
        for (ConnectionState connection : connections.values()) {
            connection.end(time);
        }
        connections.clear();
        closedOldestFirst.clear();
    }

    public TrafficStatistics statistics() {
        return counters.snapshot();
    }

    public int openConnections() {
        return connections.size();
    }

    /** Out-of-order segments held in all connections, waiting for the hole before them. */
    int heldSegments() {
        int segments = 0;
        for (ConnectionState connection : connections.values()) {
            segments += connection.toServer.heldSegments() + connection.toClient.heldSegments();
        }
        return segments;
    }

    private ConnectionState open(TcpConnection key, SegmentTime time) {
        if (connections.size() >= maxConnections) {
            Iterator<ConnectionState> oldest = connections.values().iterator();
            oldest.next().end(time);
            oldest.remove();
            counters.connectionsEvicted++;
        }
        counters.connections++;
        ConnectionState connection = new ConnectionState(key, listener, counters, maxHeldBytes);
        connections.put(key, connection);
        return connection;
    }

    /**
     * Once per capture second. Lingering is measured in either direction of capture time, so that one odd time stamp
     * (merged or fuzzed captures) cannot hold the queue up for the rest of the capture.
     */
    private void forgetIdle(SegmentTime time) {
        long now = time.epochSecond();
        if (now == lastIdleCheckSecond) {
            return;
        }
        lastIdleCheckSecond = now;
        while (!closedOldestFirst.isEmpty()
                && Math.abs(now - closedOldestFirst.peek().second()) >= CLOSED_LINGER_SECONDS) {
            TcpConnection key = closedOldestFirst.poll().key();
            ConnectionState connection = connections.get(key);
            if (connection != null && connection.closed) {
                connection.end(time);
                connections.remove(key);
            }
        }
        Iterator<Map.Entry<TcpConnection, ConnectionState>> oldestFirst = connections.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            ConnectionState connection = oldestFirst.next().getValue();
            if (now - connection.lastSeenSecond < idleSeconds) {
                return;
            }
            connection.end(time);
            oldestFirst.remove();
            counters.connectionsEvicted++;
        }
    }
}
