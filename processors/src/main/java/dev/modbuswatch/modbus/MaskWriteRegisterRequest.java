package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Mask Write Register (22) request: sets the register at {@code referenceAddress} to
 * (current AND andMask) OR (orMask AND NOT andMask).
 */
public record MaskWriteRegisterRequest(int referenceAddress, int andMask, int orMask) implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.MASK_WRITE_REGISTER;
    }

    public static MaskWriteRegisterRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.MASK_WRITE_REGISTER, false);
        in.requireLength(7);
        int referenceAddress = in.u16();
        int andMask = in.u16();
        int orMask = in.u16();
        in.end();
        return new MaskWriteRegisterRequest(referenceAddress, andMask, orMask);
    }
}
