package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Read Coils (1) response: {@code byteCount} bytes of coil status, one bit each, least
 * significant bit of the first byte first; the bits past the requested quantity are padding.
 */
public record ReadCoilsResponse(int byteCount, Bytes coilStatus) implements ModbusResponse {

    /** Enough bytes for the 2000 coils a request may ask for. */
    public static final int MAX_BYTE_COUNT = 250;

    @Override
    public int functionCode() {
        return FunctionCodes.READ_COILS;
    }

    /** The status of the coil at {@code offset} from the requested starting address. */
    public boolean isOn(int offset) {
        return coilStatus.bit(offset);
    }

    public static ReadCoilsResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.READ_COILS, true);
        in.requireAtLeast(2);
        int byteCount = in.u8();
        in.requireRange("byte count", byteCount, 1, MAX_BYTE_COUNT);
        in.requireByteCount("byte count", byteCount);
        Bytes coilStatus = in.bytes(byteCount);
        in.end();
        return new ReadCoilsResponse(byteCount, coilStatus);
    }
}
