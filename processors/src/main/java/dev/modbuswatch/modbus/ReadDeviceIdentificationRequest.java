package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Encapsulated Interface Transport (43) request with MEI type 14, Read Device Identification:
 * {@code readDeviceIdCode} 1-3 streams the basic, regular or extended objects from {@code objectId}, 4 asks for
 * that one object.
 */
public record ReadDeviceIdentificationRequest(int readDeviceIdCode, int objectId) implements ModbusRequest {

    @Override
    public int functionCode() {
        return FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT;
    }

    public int meiType() {
        return MeiTypes.READ_DEVICE_IDENTIFICATION;
    }

    public static ReadDeviceIdentificationRequest decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT, false);
        in.requireLength(4);
        requireReadDeviceIdentification(in);
        int readDeviceIdCode = in.u8();
        in.requireRange("read device ID code", readDeviceIdCode, 1, DeviceIdentificationNames.SPECIFIC_OBJECT_ACCESS);
        int objectId = in.u8();
        in.end();
        return new ReadDeviceIdentificationRequest(readDeviceIdCode, objectId);
    }

    static void requireReadDeviceIdentification(PduReader in) throws ModbusDecodeException {
        int meiType = in.u8();
        if (meiType != MeiTypes.READ_DEVICE_IDENTIFICATION) {
            throw in.fail("MEI type " + meiType + ", expected " + MeiTypes.READ_DEVICE_IDENTIFICATION);
        }
    }
}
