package dev.modbuswatch.modbus;

/**
 * The one table of Modbus function codes. Every display name ({@code "Write Multiple Registers (16)"}), every
 * exception name ({@code "Write Multiple Registers Error (0x90)"}) and every event-field segment
 * ({@code "write_multiple_registers"}) is derived from the names registered here.
 */
public final class FunctionCodes {

    public static final int READ_COILS = 1;
    public static final int READ_DISCRETE_INPUTS = 2;
    public static final int READ_HOLDING_REGISTERS = 3;
    public static final int READ_INPUT_REGISTERS = 4;
    public static final int WRITE_SINGLE_COIL = 5;
    public static final int WRITE_SINGLE_REGISTER = 6;
    public static final int READ_EXCEPTION_STATUS = 7;
    public static final int DIAGNOSTICS = 8;
    public static final int GET_COMM_EVENT_COUNTER = 11;
    public static final int GET_COMM_EVENT_LOG = 12;
    public static final int WRITE_MULTIPLE_COILS = 15;
    public static final int WRITE_MULTIPLE_REGISTERS = 16;
    public static final int REPORT_SERVER_ID = 17;
    public static final int READ_FILE_RECORD = 20;
    public static final int WRITE_FILE_RECORD = 21;
    public static final int MASK_WRITE_REGISTER = 22;
    public static final int READ_WRITE_MULTIPLE_REGISTERS = 23;
    public static final int READ_FIFO_QUEUE = 24;
    public static final int ENCAPSULATED_INTERFACE_TRANSPORT = 43;

    /** Set on the function code of a response that reports an exception. */
    public static final int EXCEPTION_BIT = 0x80;

    private static final int CODES = 256;
    private static final String[] NAMES = new String[CODES];
    private static final FunctionClass[] CLASSES = new FunctionClass[CODES];

    static {
        define(READ_COILS, "Read Coils");
        define(READ_DISCRETE_INPUTS, "Read Discrete Inputs");
        define(READ_HOLDING_REGISTERS, "Read Holding Registers");
        define(READ_INPUT_REGISTERS, "Read Input Registers");
        define(WRITE_SINGLE_COIL, "Write Single Coil");
        define(WRITE_SINGLE_REGISTER, "Write Single Register");
        define(READ_EXCEPTION_STATUS, "Read Exception Status");
        define(DIAGNOSTICS, "Diagnostics");
        define(GET_COMM_EVENT_COUNTER, "Get Comm Event Counter");
        define(GET_COMM_EVENT_LOG, "Get Comm Event Log");
        define(WRITE_MULTIPLE_COILS, "Write Multiple Coils");
        define(WRITE_MULTIPLE_REGISTERS, "Write Multiple Registers");
        define(REPORT_SERVER_ID, "Report Server ID");
        define(READ_FILE_RECORD, "Read File Record");
        define(WRITE_FILE_RECORD, "Write File Record");
        define(MASK_WRITE_REGISTER, "Mask Write Register");
        define(READ_WRITE_MULTIPLE_REGISTERS, "Read/Write Multiple Registers");
        define(READ_FIFO_QUEUE, "Read FIFO Queue");
        define(ENCAPSULATED_INTERFACE_TRANSPORT, "Encapsulated Interface Transport");

        fill(65, 72, FunctionClass.USER_DEFINED, "User-Defined Function");
        fill(100, 110, FunctionClass.USER_DEFINED, "User-Defined Function");
        for (int code : new int[] {9, 10, 13, 14, 41, 42, 90, 91, 125, 126, 127}) {
            fill(code, code, FunctionClass.RESERVED, "Reserved Function");
        }
        fill(1, 127, FunctionClass.UNASSIGNED, "Unassigned Function");
        fill(0, 0, FunctionClass.INVALID, "Invalid Function");
        fill(128, 255, FunctionClass.INVALID, "Invalid Function");
    }

    private static final String[] REQUEST_LABELS = new String[CODES];
    private static final String[] RESPONSE_LABELS = new String[CODES];
    private static final String[] REQUEST_SEGMENTS = new String[CODES];
    private static final String[] RESPONSE_SEGMENTS = new String[CODES];

    static {
        for (int code = 0; code < CODES; code++) {
            REQUEST_LABELS[code] = NAMES[code] + " (" + twoDigits(code) + ")";
            REQUEST_SEGMENTS[code] = snakeCase(NAMES[code]);
            if (code >= EXCEPTION_BIT) {
                int function = code & ~EXCEPTION_BIT;
                RESPONSE_LABELS[code] = NAMES[function] + " Error (" + Hex.byteLiteral(code) + ")";
                RESPONSE_SEGMENTS[code] = snakeCase(NAMES[function]);
            } else {
                RESPONSE_LABELS[code] = REQUEST_LABELS[code];
                RESPONSE_SEGMENTS[code] = REQUEST_SEGMENTS[code];
            }
        }
    }

    private FunctionCodes() {
    }

    /**
     * The function's name without its code, e.g. {@code "Read Coils"}; for an exception response the name of the
     * function that failed.
     */
    public static String name(int code, boolean response) {
        int index = code & 0xFF;
        return response && index >= EXCEPTION_BIT ? NAMES[index & ~EXCEPTION_BIT] : NAMES[index];
    }

    /**
     * The value of {@code modbus.function_code}: {@code "Write Multiple Registers (16)"}, or for an exception
     * response {@code "Write Multiple Registers Error (0x90)"}.
     */
    public static String label(int code, boolean response) {
        return (response ? RESPONSE_LABELS : REQUEST_LABELS)[code & 0xFF];
    }

    /** The event-field segment, e.g. {@code "write_multiple_registers"}; exceptions use their function's. */
    public static String fieldSegment(int code, boolean response) {
        return (response ? RESPONSE_SEGMENTS : REQUEST_SEGMENTS)[code & 0xFF];
    }

    public static FunctionClass functionClass(int code, boolean response) {
        int index = code & 0xFF;
        return response && index >= EXCEPTION_BIT ? FunctionClass.EXCEPTION : CLASSES[index];
    }

    /** {@code 7 -> "07"}, {@code 16 -> "16"}, {@code 100 -> "100"}: the number in every {@code "Name (NN)"} value. */
    static String twoDigits(int value) {
        return value < 10 && value >= 0 ? "0" + value : Integer.toString(value);
    }

    private static void define(int code, String name) {
        NAMES[code] = name;
        CLASSES[code] = FunctionClass.PUBLIC;
    }

    /** Names the codes of {@code from..to} that no earlier call named. */
    private static void fill(int from, int to, FunctionClass functionClass, String name) {
        for (int code = from; code <= to; code++) {
            if (NAMES[code] == null) {
                NAMES[code] = name;
                CLASSES[code] = functionClass;
            }
        }
    }

    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        return out.toString();
    }
}
