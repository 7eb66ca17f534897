package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Holding Registers (3) response: {@code byteCount} (2 per register, at most 250) bytes of register values. */
public record ReadHoldingRegistersResponse(int byteCount, Registers registers) implements ModbusResponse {

    public static final int MAX_BYTE_COUNT = 250;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_HOLDING_REGISTERS;
    }

    public static ReadHoldingRegistersResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_HOLDING_REGISTERS, true);
        in.requireAtLeast(2);
        int byteCount = in.u8();
        in.requireRange("byte count", byteCount, 2, MAX_BYTE_COUNT);
        in.requireRegisterBytes("byte count", byteCount);
        in.requireByteCount("byte count", byteCount);
        Registers registers = in.registers(byteCount / 2);
        in.end();
        return new ReadHoldingRegistersResponse(byteCount, registers);
    }
}
