package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Input Registers (4) request: {@code quantity} input registers from {@code startingAddress}, quantity 1-125. */
public record ReadInputRegistersRequest(int startingAddress, int quantity) implements ModbusRequest {

    public static final int MAX_QUANTITY = 125;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_INPUT_REGISTERS;
    }

    public static ReadInputRegistersRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_INPUT_REGISTERS, false);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of input registers", 1, MAX_QUANTITY);
        in.end();
        return new ReadInputRegistersRequest(startingAddress, quantity);
    }
}
