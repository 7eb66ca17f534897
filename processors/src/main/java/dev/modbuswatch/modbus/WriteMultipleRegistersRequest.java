package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Write Multiple Registers (16) request: {@code quantity} (1-123) register values from {@code startingAddress},
 * {@code byteCount} = 2 * quantity.
 */
public record WriteMultipleRegistersRequest(int startingAddress, int quantity, int byteCount, Registers registers)
        implements ModbusRequest {

    public static final int MAX_QUANTITY = 123;

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_MULTIPLE_REGISTERS;
    }

    public static WriteMultipleRegistersRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_MULTIPLE_REGISTERS, false);
        in.requireAtLeast(6);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of registers", 1, MAX_QUANTITY);
        int byteCount = in.u8();
        in.requireDerived("byte count", byteCount, "quantity of registers", quantity, 2 * quantity);
        in.requireByteCount("byte count", byteCount);
        Registers registers = in.registers(quantity);
        in.end();
        return new WriteMultipleRegistersRequest(startingAddress, quantity, byteCount, registers);
    }
}
