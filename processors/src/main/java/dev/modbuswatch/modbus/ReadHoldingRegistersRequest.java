package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Holding Registers (3) request: {@code quantity} registers from {@code startingAddress}, quantity 1-125. */
public record ReadHoldingRegistersRequest(int startingAddress, int quantity) implements ModbusRequest {

    public static final int MAX_QUANTITY = 125;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_HOLDING_REGISTERS;
    }

    public static ReadHoldingRegistersRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_HOLDING_REGISTERS, false);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of registers", 1, MAX_QUANTITY);
        in.end();
        return new ReadHoldingRegistersRequest(startingAddress, quantity);
    }
}
