package dev.modbuswatch.component.pcap;

/**
 * Something in a Modbus/TCP byte stream that could not be framed as ADUs: a gap left by lost segments, bytes that
 * are not an MBAP header, or an ADU cut off when the connection ended. Reported, counted, and never fatal.
 *
 * @param fromServer direction of the bytes concerned
 * @param bytes      how many bytes were skipped or are missing
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
         * Traffic of every connection the capture missed (connection null): the interface was down or gone, or the
         * kernel dropped packets; the detail says which.
         */
        CAPTURE_GAP
    }
}
