package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Write Single Register (6) response: {@code registerValue} for the holding register at {@code registerAddress}.
 * The normal response echoes the request.
 */
public record WriteSingleRegisterResponse(int registerAddress, int registerValue) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_SINGLE_REGISTER;
    }

    public static WriteSingleRegisterResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_SINGLE_REGISTER, true);
        in.requireLength(5);
        int registerAddress = in.u16();
        int registerValue = in.u16();
        in.end();
        return new WriteSingleRegisterResponse(registerAddress, registerValue);
    }
}
