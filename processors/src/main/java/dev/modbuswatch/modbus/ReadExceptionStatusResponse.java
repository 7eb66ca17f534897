package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Exception Status (7) response: the eight exception status outputs, one bit each. */
public record ReadExceptionStatusResponse(int outputData) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.READ_EXCEPTION_STATUS;
    }

    public static ReadExceptionStatusResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_EXCEPTION_STATUS, true);
        in.requireLength(2);
        int outputData = in.u8();
        in.end();
        return new ReadExceptionStatusResponse(outputData);
    }
}
