package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Mask Write Register (22) response: sets the register at {@code referenceAddress} to
 * (current AND andMask) OR (orMask AND NOT andMask). The normal response echoes the request.
 */
public record MaskWriteRegisterResponse(int referenceAddress, int andMask, int orMask) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.MASK_WRITE_REGISTER;
    }

    public static MaskWriteRegisterResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.MASK_WRITE_REGISTER, true);
        in.requireLength(7);
        int referenceAddress = in.u16();
        int andMask = in.u16();
        int orMask = in.u16();
        in.end();
        return new MaskWriteRegisterResponse(referenceAddress, andMask, orMask);
    }
}
