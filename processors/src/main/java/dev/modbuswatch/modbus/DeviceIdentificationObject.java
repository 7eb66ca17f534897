package dev.modbuswatch.modbus;

/** One object of a Read Device Identification response, e.g. VendorName (0) = "Schneider Electric". */
public record DeviceIdentificationObject(int objectId, Bytes value) {

    /** {@code "VendorName"}, {@code "ProductCode"}, ..., {@code "Reserved"} or {@code "Private"}. */
    public String name() {
        return DeviceIdentificationNames.objectName(objectId);
    }

    /** The value as the text devices send, one character per byte. */
    public String text() {
        return value.toText();
    }
}
