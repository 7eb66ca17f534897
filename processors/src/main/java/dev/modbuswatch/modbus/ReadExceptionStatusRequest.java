package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Exception Status (7) request: the function code alone. */
public record ReadExceptionStatusRequest() implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.READ_EXCEPTION_STATUS;
    }

    public static ReadExceptionStatusRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_EXCEPTION_STATUS, false);
        in.requireLength(1);
        in.end();
        return new ReadExceptionStatusRequest();
    }
}
