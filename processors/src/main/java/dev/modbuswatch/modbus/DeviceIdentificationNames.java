package dev.modbuswatch.modbus;

/** Names of the codes of Read Device Identification (MEI type 14), specification V1.1b3 section 6.21. */
public final class DeviceIdentificationNames {

    public static final int SPECIFIC_OBJECT_ACCESS = 4;

    private static final String[] READ_DEVICE_ID_CODES = {
        null, "Basic Device Identification", "Regular Device Identification", "Extended Device Identification",
        "Specific Identification Object"};
    private static final String[] OBJECTS = {
        "VendorName", "ProductCode", "MajorMinorRevision", "VendorUrl", "ProductName", "ModelName",
        "UserApplicationName"};

    private DeviceIdentificationNames() {
    }

    /** {@code 1 -> "Basic Device Identification (01)"}. */
    public static String readDeviceIdCodeLabel(int code) {
        String name = code >= 1 && code < READ_DEVICE_ID_CODES.length ? READ_DEVICE_ID_CODES[code] : "Unknown";
        return name + " (" + FunctionCodes.twoDigits(code) + ")";
    }

    /** {@code 0x81 -> "Basic Identification, stream and individual access (0x81)"}. */
    public static String conformityLevelLabel(int level) {
        String category = switch (level & 0x7F) {
            case 1 -> "Basic Identification";
            case 2 -> "Regular Identification";
            case 3 -> "Extended Identification";
            default -> null;
        };
        String name = category == null ? "Unknown"
                : category + ((level & 0x80) != 0 ? ", stream and individual access" : ", stream access only");
        return name + " (" + Hex.byteLiteral(level) + ")";
    }

    /** {@code 0 -> "VendorName"}; {@code "Reserved"} for 7-127, {@code "Private"} for the vendor objects 128-255. */
    public static String objectName(int objectId) {
        if (objectId >= 0 && objectId < OBJECTS.length) {
            return OBJECTS[objectId];
        }
        return objectId < 0x80 ? "Reserved" : "Private";
    }

    /** True for the seven objects the specification names. */
    public static boolean isStandardObject(int objectId) {
        return objectId >= 0 && objectId < OBJECTS.length;
    }
}
