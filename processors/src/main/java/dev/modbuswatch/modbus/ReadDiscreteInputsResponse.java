package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Read Discrete Inputs (2) response: {@code byteCount} bytes of input status, one bit each, least
 * significant bit of the first byte first; the bits past the requested quantity are padding.
 */
public record ReadDiscreteInputsResponse(int byteCount, Bytes inputStatus) implements ModbusResponse {

    /** Enough bytes for the 2000 inputs a request may ask for. */
    public static final int MAX_BYTE_COUNT = 250;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_DISCRETE_INPUTS;
    }

    /** The status of the input at {@code offset} from the requested starting address. */
    public boolean isOn(int offset) {
        return inputStatus.bit(offset);
    }

    public static ReadDiscreteInputsResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_DISCRETE_INPUTS, true);
        in.requireAtLeast(2);
        int byteCount = in.u8();
        in.requireRange("byte count", byteCount, 1, MAX_BYTE_COUNT);
        in.requireByteCount("byte count", byteCount);
        Bytes inputStatus = in.bytes(byteCount);
        in.end();
        return new ReadDiscreteInputsResponse(byteCount, inputStatus);
    }
}
