package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.TcpConnection;

/** Both directions of one followed connection and when it was last seen, in capture time. */
final class ConnectionState {

    final TcpDirection toServer;
    final TcpDirection toClient;
    long lastSeenSecond;
    boolean closed;

    ConnectionState(TcpConnection connection, StreamListener listener, TrafficCounters counters, int maxHeldBytes) {
        toServer = new TcpDirection(connection, false, listener, counters, maxHeldBytes);
        toClient = new TcpDirection(connection, true, listener, counters, maxHeldBytes);
    }

    void end(SegmentTime time) {
        toServer.end(time);
        toClient.end(time);
    }
}
