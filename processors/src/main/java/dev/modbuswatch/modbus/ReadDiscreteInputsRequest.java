package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Read Discrete Inputs (2) request: {@code quantity} inputs from {@code startingAddress}, quantity 1-2000. */
public record ReadDiscreteInputsRequest(int startingAddress, int quantity) implements ModbusRequest {

    public static final int MAX_QUANTITY = 2000;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_DISCRETE_INPUTS;
    }

    public static ReadDiscreteInputsRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_DISCRETE_INPUTS, false);
        in.requireLength(5);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of inputs", 1, MAX_QUANTITY);
        in.end();
        return new ReadDiscreteInputsRequest(startingAddress, quantity);
    }
}
