package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Get Comm Event Counter (11) response: {@code status} 0xFFFF while a previous command is still being processed,
 * 0x0000 otherwise, and the event counter.
 */
public record GetCommEventCounterResponse(int status, int eventCount) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.GET_COMM_EVENT_COUNTER;
    }

    public static GetCommEventCounterResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.GET_COMM_EVENT_COUNTER, true);
        in.requireLength(5);
        int status = in.u16();
        int eventCount = in.u16();
        in.end();
        return new GetCommEventCounterResponse(status, eventCount);
    }
}
