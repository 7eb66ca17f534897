package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated Interface Transport (43) response with MEI type 14, Read Device Identification: the conformity level,
 * whether more objects follow (then {@code nextObjectId} is the one to ask for) and the objects of this response.
 */
public record ReadDeviceIdentificationResponse(
        int readDeviceIdCode, int conformityLevel, boolean moreFollows, int nextObjectId,
        List<DeviceIdentificationObject> objects) implements ModbusResponse {

    public ReadDeviceIdentificationResponse {
        objects = List.copyOf(objects);
    }

    @Override
    public int functionCode() {
        return FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT;
    }

    public int meiType() {
        return MeiTypes.READ_DEVICE_IDENTIFICATION;
    }

    public static ReadDeviceIdentificationResponse decode(ByteBuffer pdu) throws ModbusDecodeException {
        PduReader in = PduReader.open(pdu, FunctionCodes.ENCAPSULATED_INTERFACE_TRANSPORT, true);
        in.requireAtLeast(7);
        ReadDeviceIdentificationRequest.requireReadDeviceIdentification(in);
        int readDeviceIdCode = in.u8();
        in.requireRange("read device ID code", readDeviceIdCode, 1, DeviceIdentificationNames.SPECIFIC_OBJECT_ACCESS);
        int conformityLevel = in.u8();
        int moreFollows = in.u8();
        if (moreFollows != 0x00 && moreFollows != 0xFF) {
            throw in.fail("more follows " + Hex.byteLiteral(moreFollows) + ", expected 0x00 or 0xFF");
        }
        int nextObjectId = in.u8();
        int numberOfObjects = in.u8();
        List<DeviceIdentificationObject> objects = new ArrayList<>(numberOfObjects);
        for (int number = 1; number <= numberOfObjects; number++) {
            objects.add(readObject(in, number, numberOfObjects));
        }
        in.end();
        return new ReadDeviceIdentificationResponse(readDeviceIdCode, conformityLevel, moreFollows == 0xFF,
                nextObjectId, objects);
    }

    private static DeviceIdentificationObject readObject(PduReader in, int number, int numberOfObjects)
            throws ModbusDecodeException {
        String where = "object #" + number + " of " + numberOfObjects;
        in.requireFollowing(where, 2);
        int objectId = in.u8();
        int length = in.u8();
        in.requireFollowing(where + " (" + DeviceIdentificationNames.objectName(objectId) + ")", length);
        return new DeviceIdentificationObject(objectId, in.bytes(length));
    }
}
