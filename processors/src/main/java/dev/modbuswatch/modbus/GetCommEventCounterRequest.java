package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Get Comm Event Counter (11) request: the function code alone. */
public record GetCommEventCounterRequest() implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.GET_COMM_EVENT_COUNTER;
    }

    public static GetCommEventCounterRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.GET_COMM_EVENT_COUNTER, false);
        in.requireLength(1);
        in.end();
        return new GetCommEventCounterRequest();
    }
}
