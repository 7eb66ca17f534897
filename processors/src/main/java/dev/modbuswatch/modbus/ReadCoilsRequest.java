package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Coils (1) request: {@code quantity} coils from {@code startingAddress}, quantity 1-2000. */
public record ReadCoilsRequest(int startingAddress, int quantity) implements ModbusRequest {

    public static final int MAX_QUANTITY = 2000;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_COILS;
    }

    public static ReadCoilsRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_COILS, false);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of coils", 1, MAX_QUANTITY);
        in.end();
        return new ReadCoilsRequest(startingAddress, quantity);
    }
}
