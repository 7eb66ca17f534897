package dev.modbuswatch.component.pcap;

import java.net.InetAddress;

/**
 * Something in a Modbus/TCP byte stream that could not be framed as ADUs: a gap left by lost segments, bytes that
 * are not an MBAP header, or an ADU cut off when the connection ended; or a time the capture itself missed traffic
 * ({@link Kind#CAPTURE_GAP}, for all connections). Reported, counted, and never fatal.
 *
 * @param connection the connection concerned, or null for a {@link Kind#CAPTURE_GAP} (all connections)
 * @param fromServer direction of the bytes concerned
 * @param bytes      how many bytes were skipped or are missing (0 for a {@link Kind#CAPTURE_GAP}: unknown)
 */
public record StreamAnomaly(
        long epochSecond, int nanos,
        TcpConnection connection, boolean fromServer,
        Kind kind, long bytes, String detail) {

    public enum Kind {
        /** Bytes the capture never saw (lost segments); the stream resumes after them. */
        GAP,
        /** Bytes that do not start with a plausible MBAP header (non-Modbus traffic, or a broken header). */
        MALFORMED_HEADER,
        /** An ADU that was still incomplete when its connection ended or was forgotten. */
        INCOMPLETE_ADU,
        /**
         * The capture missed traffic on every connection: the interface was unavailable for a while, or the kernel
         * dropped packets. Starts at this anomaly's time; the detail says how long or how many.
         */
        CAPTURE_GAP
    }

    /** In words, for a log line: what happened and where. */
    public String description() {
        if (connection == null) {
            return kind + ": " + detail;
        }
        String client = address(connection.client()) + ":" + connection.clientPort();
        String server = address(connection.server()) + ":" + connection.serverPort();
        return kind + " from " + (fromServer ? server + " to " + client : client + " to " + server) + ": " + detail;
    }

    private static String address(InetAddress address) {
        return address == null ? "?" : address.getHostAddress();
    }

    @Override
    public String toString() {
        return description();
    }
}
