package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Write Single Register (6) request: {@code registerValue} for the holding register at {@code registerAddress}. */
public record WriteSingleRegisterRequest(int registerAddress, int registerValue) implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_SINGLE_REGISTER;
    }

    public static WriteSingleRegisterRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_SINGLE_REGISTER, false);
        in.requireLength(5);
        int registerAddress = in.u16();
        int registerValue = in.u16();
        in.end();
        return new WriteSingleRegisterRequest(registerAddress, registerValue);
    }
}
