package dev.modbuswatch.modbus;

/** Where a function code sits in the code space of the Modbus application protocol specification V1.1b3. */
public enum FunctionClass {
    /** Defined by the specification. */
    PUBLIC("public"),
    /** 65-72 and 100-110, free for vendors. */
    USER_DEFINED("user-defined"),
    /** Kept by the specification for legacy products: 9, 10, 13, 14, 41, 42, 90, 91, 125, 126, 127. */
    RESERVED("reserved"),
    /** Any other code of 1-127 that the specification neither defines nor reserves. */
    UNASSIGNED("unassigned"),
    /** A response with the exception bit (0x80) set. */
    EXCEPTION("exception"),
    /** 0, and 128-255 travelling in a request. */
    INVALID("invalid");

    private final String label;

    FunctionClass(String label) {
        this.label = label;
    }

    /** The lower-case label used in event fields, e.g. {@code "user-defined"}. */
    public String label() {
        return label;
    }
}
