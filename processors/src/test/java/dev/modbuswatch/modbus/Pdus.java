package dev.modbuswatch.modbus;

import static org.assertj.core.api.Assertions.fail;

import dev.modbuswatch.modbus.fields.ModbusEventFields;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test vectors written as hex: a PDU from its function code byte, as in tshark's "modbus" layer. */
final class Pdus {

    private Pdus() {
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(Hex.parse(hex));
    }

    static ModbusPdu request(String hex) throws ModbusDecodeException {
        return decodeWhole(hex, false);
    }

    static ModbusPdu response(String hex) throws ModbusDecodeException {
        return decodeWhole(hex, true);
    }

    /** The message of the decode error the request raises. */
    static String requestError(String hex) {
        return errorOf(hex, false);
    }

    static String responseError(String hex) {
        return errorOf(hex, true);
    }

    /** The event fields of a decoded PDU, in the order they were put. */
    static Map<String, String> fields(ModbusPdu pdu) {
        Map<String, String> out = new LinkedHashMap<>();
        ModbusEventFields.append(pdu, out);
        return out;
    }

    private static ModbusPdu decodeWhole(String hex, boolean response) throws ModbusDecodeException {
        ByteBuffer buffer = buffer(hex);
        ModbusPdu pdu = ModbusPdu.decode(buffer, response);
        if (buffer.hasRemaining()) {
            fail("decode left " + buffer.remaining() + " bytes unconsumed");
        }
        return pdu;
    }

    private static String errorOf(String hex, boolean response) {
        ByteBuffer buffer = buffer(hex);
        try {
            ModbusPdu pdu = ModbusPdu.decode(buffer, response);
            return fail("expected a decode error, got " + pdu);
        } catch (ModbusDecodeException e) {
            if (buffer.position() != 0) {
                fail("a failed decode moved the buffer position to " + buffer.position());
            }
            return e.getMessage();
        }
    }
}
