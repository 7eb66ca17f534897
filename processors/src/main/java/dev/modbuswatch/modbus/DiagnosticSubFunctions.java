package dev.modbuswatch.modbus;

/** Sub-function codes of Diagnostics (8), specification V1.1b3 section 6.8.1. */
public final class DiagnosticSubFunctions {

    public static final int RETURN_QUERY_DATA = 0;

    private static final String[] NAMES = new String[21];

    static {
        NAMES[0] = "Return Query Data";
        NAMES[1] = "Restart Communications Option";
        NAMES[2] = "Return Diagnostic Register";
        NAMES[3] = "Change ASCII Input Delimiter";
        NAMES[4] = "Force Listen Only Mode";
        NAMES[10] = "Clear Counters and Diagnostic Register";
        NAMES[11] = "Return Bus Message Count";
        NAMES[12] = "Return Bus Communication Error Count";
        NAMES[13] = "Return Bus Exception Error Count";
        NAMES[14] = "Return Server Message Count";
        NAMES[15] = "Return Server No Response Count";
        NAMES[16] = "Return Server NAK Count";
        NAMES[17] = "Return Server Busy Count";
        NAMES[18] = "Return Bus Character Overrun Count";
        NAMES[20] = "Clear Overrun Counter and Flag";
    }

    private static final String[] LABELS = new String[NAMES.length];

    static {
        for (int code = 0; code < NAMES.length; code++) {
            LABELS[code] = name(code) + " (" + FunctionCodes.twoDigits(code) + ")";
        }
    }

    private DiagnosticSubFunctions() {
    }

    /** True for the sub-functions the specification defines; the others are reserved. */
    public static boolean isDefined(int subFunction) {
        return subFunction >= 0 && subFunction < NAMES.length && NAMES[subFunction] != null;
    }

    /** {@code 1 -> "Restart Communications Option"}, {@code 19 -> "Reserved"}. */
    public static String name(int subFunction) {
        return isDefined(subFunction) ? NAMES[subFunction] : "Reserved";
    }

    /** {@code 1 -> "Restart Communications Option (01)"}, {@code 19 -> "Reserved (19)"}. */
    public static String label(int subFunction) {
        return subFunction >= 0 && subFunction < LABELS.length
                ? LABELS[subFunction]
                : name(subFunction) + " (" + subFunction + ")";
    }

    /**
     * Reads the sub-function and its data, the same layout in request and response: any number of bytes for Return
     * Query Data and the reserved sub-functions, exactly one 16-bit word for every other defined sub-function.
     */
    static Diagnostic read(PduReader in) throws ModbusDecodeException {
        in.requireAtLeast(3);
        int subFunction = in.u16();
        if (subFunction != RETURN_QUERY_DATA && isDefined(subFunction) && in.remaining() != 2) {
            throw in.fail("sub-function " + label(subFunction) + " needs 2 data bytes, got " + in.remaining());
        }
        Bytes data = in.rest();
        in.end();
        return new Diagnostic(subFunction, data);
    }

    record Diagnostic(int subFunction, Bytes data) {
    }
}
