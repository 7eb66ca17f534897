package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Input Registers (4) response: {@code byteCount} (2 per register, at most 250) bytes of register values. */
public record ReadInputRegistersResponse(int byteCount, Registers registers) implements ModbusResponse {

    public static final int MAX_BYTE_COUNT = 250;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_INPUT_REGISTERS;
    }

    public static ReadInputRegistersResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_INPUT_REGISTERS, true);
        Registers registers = in.countedRegisters(MAX_BYTE_COUNT);
        in.end();
        return new ReadInputRegistersResponse(2 * registers.size(), registers);
    }
}
