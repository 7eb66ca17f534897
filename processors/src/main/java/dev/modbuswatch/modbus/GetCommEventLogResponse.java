package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Get Comm Event Log (12) response: status, event count and message count (6 bytes) then up to 64 event bytes,
 * most recent first; {@code byteCount} covers all of them.
 */
public record GetCommEventLogResponse(int byteCount, int status, int eventCount, int messageCount, Bytes events)
        implements ModbusResponse {

    public static final int MAX_EVENTS = 64;

    @Override
    public int functionCode() {
        return FunctionCodes.GET_COMM_EVENT_LOG;
    }

    public static GetCommEventLogResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.GET_COMM_EVENT_LOG, true);
        in.requireAtLeast(8);
        int byteCount = in.u8();
        in.requireRange("byte count", byteCount, 6, 6 + MAX_EVENTS);
        in.requireByteCount("byte count", byteCount);
        int status = in.u16();
        int eventCount = in.u16();
        int messageCount = in.u16();
        Bytes events = in.rest();
        in.end();
        return new GetCommEventLogResponse(byteCount, status, eventCount, messageCount, events);
    }
}
