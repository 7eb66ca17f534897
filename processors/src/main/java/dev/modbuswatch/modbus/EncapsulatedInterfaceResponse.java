package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Encapsulated Interface Transport (43) response of any MEI type but 14: CANopen General Reference (13), whose content
 * belongs to CiA DS-309, and the reserved types. The data after the MEI type is kept raw.
 */
public record EncapsulatedInterfaceResponse(int meiType, Bytes data) implements ModbusResponse {

    @Override
    public int functionCode() {
        return FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT;
    }

    public String meiTypeName() {
        return MeiTypes.name(meiType);
    }

    public static EncapsulatedInterfaceResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT, true);
        in.requireAtLeast(2);
        int meiType = in.u8();
        Bytes data = in.rest();
        in.end();
        return new EncapsulatedInterfaceResponse(meiType, data);
    }
}
