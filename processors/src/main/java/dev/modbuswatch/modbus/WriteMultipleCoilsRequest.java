package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Write Multiple Coils (15) request: {@code quantity} (1-1968) coils from {@code startingAddress}, packed one bit
 * each into {@code byteCount} = ceil(quantity / 8) bytes, least significant bit of the first byte first.
 */
public record WriteMultipleCoilsRequest(int startingAddress, int quantity, int byteCount, Bytes outputsValue)
        implements ModbusRequest {

    public static final int MAX_QUANTITY = 1968;

    @Override
    public int functionCode() {
        return FunctionCodes.WRITE_MULTIPLE_COILS;
    }

    /** The value written to the coil at {@code offset} from {@code startingAddress}. */
    public boolean isOn(int offset) {
        if (offset < 0 || offset >= quantity) {
            throw new IndexOutOfBoundsException("coil " + offset + " of " + quantity);
        }
        return outputsValue.bit(offset);
    }

    public static WriteMultipleCoilsRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.WRITE_MULTIPLE_COILS, false);
        in.requireAtLeast(6);
        int startingAddress = in.u16();
        int quantity = in.u16InRange("quantity of outputs", 1, MAX_QUANTITY);
        int byteCount = in.u8();
        in.requireDerived("byte count", byteCount, "quantity of outputs", quantity, (quantity + 7) / 8);
        in.requireByteCount("byte count", byteCount);
        Bytes outputsValue = in.bytes(byteCount);
        in.end();
        return new WriteMultipleCoilsRequest(startingAddress, quantity, byteCount, outputsValue);
    }
}
