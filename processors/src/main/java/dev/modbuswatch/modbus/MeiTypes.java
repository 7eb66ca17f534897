package dev.modbuswatch.modbus;

/** MEI types of Encapsulated Interface Transport (43). */
public final class MeiTypes {

    public static final int CANOPEN_GENERAL_REFERENCE = 13;
    public static final int READ_DEVICE_IDENTIFICATION = 14;

    private static final String[] LABELS = new String[256];

    static {
        for (int type = 0; type < LABELS.length; type++) {
            LABELS[type] = name(type) + " (" + FunctionCodes.twoDigits(type) + ")";
        }
    }

    private MeiTypes() {
    }

    public static String name(int meiType) {
        return switch (meiType) {
            case CANOPEN_GENERAL_REFERENCE -> "CANopen General Reference";
            case READ_DEVICE_IDENTIFICATION -> "Read Device Identification";
            default -> "Reserved MEI Type";
        };
    }

    /** {@code 14 -> "Read Device Identification (14)"}. */
    public static String label(int meiType) {
        return LABELS[meiType & 0xFF];
    }
}
