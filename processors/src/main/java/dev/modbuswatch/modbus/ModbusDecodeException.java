package dev.modbuswatch.modbus;

/**
 * A PDU that does not follow the Modbus application protocol. The message names the function, the direction and
 * exactly what is wrong, e.g. {@code "Write Multiple Registers request: byte count 12 but 6 bytes follow"}.
 */
public final class ModbusDecodeException extends Exception {

    public ModbusDecodeException(String message) {
        // Thrown once per malformed PDU on the hot path: the stack trace would cost more than the decode.
        super(message, null, false, false);
    }
}
