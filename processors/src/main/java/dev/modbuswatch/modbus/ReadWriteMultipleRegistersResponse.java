package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read/Write Multiple Registers (23) response: {@code byteCount} (2 per register, at most 250) bytes of registers. */
public record ReadWriteMultipleRegistersResponse(int byteCount, Registers registers) implements ModbusResponse {

    public static final int MAX_BYTE_COUNT = 250;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS;
    }

    public static ReadWriteMultipleRegistersResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_WRITE_MULTIPLE_REGISTERS, true);
        Registers registers = in.countedRegisters(MAX_BYTE_COUNT);
        in.end();
        return new ReadWriteMultipleRegistersResponse(2 * registers.size(), registers);
    }
}
