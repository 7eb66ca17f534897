package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Get Comm Event Log (12) request: the function code alone. */
public record GetCommEventLogRequest() implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.GET_COMM_EVENT_LOG;
    }

    public static GetCommEventLogRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.GET_COMM_EVENT_LOG, false);
        in.requireLength(1);
        in.end();
        return new GetCommEventLogRequest();
    }
}
