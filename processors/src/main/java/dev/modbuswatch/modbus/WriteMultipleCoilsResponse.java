package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Write Multiple Coils (15) response: echoes the starting address and quantity (1-1968) of the request. */
public record WriteMultipleCoilsResponse(int startingAddress, int quantity) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_MULTIPLE_COILS;
    }

    public static WriteMultipleCoilsResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_MULTIPLE_COILS, true);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of outputs", 1, WriteMultipleCoilsRequest.MAX_QUANTITY);
        in.end();
        return new WriteMultipleCoilsResponse(startingAddress, quantity);
    }
}
