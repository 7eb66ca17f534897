package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Write Multiple Registers (16) response: echoes the starting address and quantity (1-123) of the request. */
public record WriteMultipleRegistersResponse(int startingAddress, int quantity) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_MULTIPLE_REGISTERS;
    }

    public static WriteMultipleRegistersResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_MULTIPLE_REGISTERS, true);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of registers", 1, WriteMultipleRegistersRequest.MAX_QUANTITY);
        in.end();
        return new WriteMultipleRegistersResponse(startingAddress, quantity);
    }
}
