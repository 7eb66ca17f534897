package dev.modbuswatch.modbus;

/** Names of the exception codes of the Modbus application protocol specification V1.1b3, section 7. */
public final class ExceptionCodes {

    private static final String[] LABELS = new String[256];

    static {
        String[] names = new String[256];
        names[1] = "Illegal Function";
        names[2] = "Illegal Data Address";
        names[3] = "Illegal Data Value";
        names[4] = "Server Device Failure";
        names[5] = "Acknowledge";
        names[6] = "Server Device Busy";
        names[8] = "Memory Parity Error";
        names[10] = "Gateway Path Unavailable";
        names[11] = "Gateway Target Device Failed to Respond";
        for (int code = 0; code < names.length; code++) {
            String name = names[code] != null ? names[code] : "Unknown Exception Code";
            LABELS[code] = name + " (" + FunctionCodes.twoDigits(code) + ")";
        }
    }

    private ExceptionCodes() {
    }

    /** {@code 2 -> "Illegal Data Address (02)"}, {@code 7 -> "Unknown Exception Code (07)"}. */
    public static String label(int exceptionCode) {
        return LABELS[exceptionCode & 0xFF];
    }
}
