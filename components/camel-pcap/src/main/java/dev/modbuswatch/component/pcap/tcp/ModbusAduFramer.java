package dev.modbuswatch.component.pcap.tcp;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.TcpConnection;

/**
 * Cuts one direction of a TCP stream into Modbus/TCP ADUs using the MBAP length field. Several ADUs may share a
 * segment and one ADU may span several. Bytes that do not start with a plausible MBAP header (protocol identifier 0,
 * length 2 to 256) are reported, and framing resumes at the start of the next segment, where Modbus clients and
 * servers begin their ADUs.
 */
final class ModbusAduFramer {

    static final int MBAP_HEADER_LENGTH = 7;
    static final int MODBUS_PROTOCOL = 0;
    /** Smallest MBAP length: unit identifier and function code. */
    static final int MIN_LENGTH = 2;
    /** Largest MBAP length accepted for framing; the specification's limit is 254, tshark accepts up to 256. */
    static final int MAX_LENGTH = 256;

    private final TcpConnection connection;
    private final boolean fromServer;
    private final StreamListener listener;
    private final TrafficCounters counters;

    private final byte[] partial = new byte[MBAP_HEADER_LENGTH - 1 + MAX_LENGTH];
    private int partialLength;
    /** Total length of the ADU being gathered, known once its header is complete; 0 before. */
    private int aduLength;
    private boolean awaitingSegmentStart;

    ModbusAduFramer(TcpConnection connection, boolean fromServer, StreamListener listener, TrafficCounters counters) {
        this.connection = connection;
        this.fromServer = fromServer;
        this.listener = listener;
        this.counters = counters;
    }

    void onBytes(byte[] data, int offset, int length, boolean segmentStart, SegmentTime time) {
        if (awaitingSegmentStart) {
            if (!segmentStart) {
                counters.discardedBytes += length;
                return;
            }
            awaitingSegmentStart = false;
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (partialLength == 0 && end - position >= MBAP_HEADER_LENGTH) {
                int frameLength = checkedAduLength(data, position, end - position, time);
                if (frameLength < 0) {
                    return;
                }
                if (end - position >= frameLength) {
                    emit(data, position, time);
                    position += frameLength;
                    continue;
                }
            }
            position += gather(data, position, end - position, time);
            if (awaitingSegmentStart) {
                return;
            }
        }
    }

    /** The stream lost bytes: whatever ADU was being gathered cannot be completed. */
    void onGap(SegmentTime time) {
        abandonPartial(time, "an ADU was cut by a gap in the stream");
        awaitingSegmentStart = true;
    }

    /** The stream ended (connection closed, forgotten, or the capture ended). */
    void onEnd(SegmentTime time) {
        abandonPartial(time, "the stream ended inside an ADU");
    }

    private int gather(byte[] data, int position, int available, SegmentTime time) {
        int consumed = 0;
        if (aduLength == 0) {
            int headerBytes = Math.min(MBAP_HEADER_LENGTH - partialLength, available);
            System.arraycopy(data, position, partial, partialLength, headerBytes);
            partialLength += headerBytes;
            consumed = headerBytes;
            if (partialLength < MBAP_HEADER_LENGTH) {
                return consumed;
            }
            aduLength = checkedAduLength(partial, 0, partialLength + available - consumed, time);
            if (aduLength < 0) {
                resetPartial();
                return available;
            }
        }
        int bodyBytes = Math.min(aduLength - partialLength, available - consumed);
        System.arraycopy(data, position + consumed, partial, partialLength, bodyBytes);
        partialLength += bodyBytes;
        consumed += bodyBytes;
        if (partialLength == aduLength) {
            emit(partial, 0, time);
            resetPartial();
        }
        return consumed;
    }

    /**
     * @param remaining bytes from the header to the end of what is at hand, for the report if the header is bad
     * @return the ADU's total length, or -1 when the header is not plausible (reported; resynchronising)
     */
    private int checkedAduLength(byte[] data, int header, int remaining, SegmentTime time) {
        int protocolId = unsignedShort(data, header + 2);
        int length = unsignedShort(data, header + 4);
        String problem;
        if (protocolId != MODBUS_PROTOCOL) {
            problem = "MBAP protocol identifier " + protocolId + " is not Modbus (0)";
        } else if (length < MIN_LENGTH || length > MAX_LENGTH) {
            problem = "MBAP length " + length + " outside " + MIN_LENGTH + ".." + MAX_LENGTH;
        } else {
            return MBAP_HEADER_LENGTH - 1 + length;
        }
        counters.malformedHeaders++;
        counters.discardedBytes += remaining;
        awaitingSegmentStart = true;
        listener.onAnomaly(new StreamAnomaly(time.epochSecond(), time.nanos(), connection, fromServer,
                StreamAnomaly.Kind.MALFORMED_HEADER, remaining,
                problem + "; skipping to the next segment (header bytes " + hex(data, header) + ")"));
        return -1;
    }

    private void emit(byte[] data, int header, SegmentTime time) {
        int length = unsignedShort(data, header + 4);
        byte[] pdu = new byte[length - 1];
        System.arraycopy(data, header + MBAP_HEADER_LENGTH, pdu, 0, pdu.length);
        counters.adus++;
        listener.onAdu(new ModbusAdu(time.epochSecond(), time.nanos(), connection, fromServer, time.flags(),
                unsignedShort(data, header), unsignedShort(data, header + 2), length,
                data[header + 6] & 0xFF, pdu));
    }

    private void abandonPartial(SegmentTime time, String why) {
        if (partialLength > 0) {
            counters.incompleteAdus++;
            listener.onAnomaly(new StreamAnomaly(time.epochSecond(), time.nanos(), connection, fromServer,
                    StreamAnomaly.Kind.INCOMPLETE_ADU, partialLength,
                    why + " (" + partialLength + " of " + (aduLength == 0 ? "?" : aduLength) + " bytes)"));
        }
        resetPartial();
    }

    private void resetPartial() {
        partialLength = 0;
        aduLength = 0;
    }

    private static int unsignedShort(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
    }

    private static String hex(byte[] data, int offset) {
        StringBuilder text = new StringBuilder(3 * MBAP_HEADER_LENGTH);
        for (int i = offset; i < offset + MBAP_HEADER_LENGTH; i++) {
            if (i > offset) {
                text.append(' ');
            }
            text.append(Character.forDigit(data[i] >> 4 & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
        }
        return text.toString();
    }
}
