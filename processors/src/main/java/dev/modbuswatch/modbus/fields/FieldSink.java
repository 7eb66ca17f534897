package dev.modbuswatch.modbus.fields;

import dev.modbuswatch.modbus.Bytes;
import dev.modbuswatch.modbus.Registers;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Puts the fields of one PDU into the event map, naming them after its function and direction and formatting the
 * values: numbers in decimal, register lists as {@code "97, 98, 99"}, bits as {@code "1011"} (first coil first),
 * raw bytes as lower-case hex.
 */
final class FieldSink {

    private final Map<String, String> out;
    private final int functionCode;
    private final boolean response;

    FieldSink(Map<String, String> out, int functionCode, boolean response) {
        this.out = out;
        this.functionCode = functionCode;
        this.response = response;
    }

    void put(EventField field, String value) {
        out.put(FieldNames.of(functionCode, response, field), value);
    }

    void put(EventField field, int value) {
        put(field, Integer.toString(value));
    }

    void put(EventField field, boolean value) {
        put(field, value ? "true" : "false");
    }

    void putHex(EventField field, Bytes value) {
        put(field, value.toHex());
    }

    void putRegisters(EventField field, Registers registers) {
        put(field, joinRegisters(new StringBuilder(registers.size() * 7), registers).toString());
    }

    /** The first {@code count} bits of {@code bits} as '0'/'1', least significant bit of the first byte first. */
    void putBits(EventField field, Bytes bits, int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = bits.bit(i) ? '1' : '0';
        }
        put(field, new String(chars));
    }

    /** One number per element, e.g. the file numbers of all sub-requests: {@code "4, 3"}; empty for no element. */
    <T> void putEach(EventField field, List<T> elements, ToIntFunction<T> value) {
        StringBuilder joined = new StringBuilder(elements.size() * 4);
        for (T element : elements) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(value.applyAsInt(element));
        }
        put(field, joined.toString());
    }

    /** The registers of each element, elements separated by "; ": {@code "1, 2; 3, 4"}; empty for no element. */
    <T> void putRegistersOfEach(EventField field, List<T> elements, Function<T, Registers> registers) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                joined.append("; ");
            }
            joinRegisters(joined, registers.apply(elements.get(i)));
        }
        put(field, joined.toString());
    }

    void putDeviceObject(int objectId, String value) {
        out.put(FieldNames.deviceObject(functionCode, objectId), value);
    }

    private static StringBuilder joinRegisters(StringBuilder joined, Registers registers) {
        for (int i = 0; i < registers.size(); i++) {
            if (i > 0) {
                joined.append(", ");
            }
            joined.append(registers.getInt(i));
        }
        return joined;
    }
}
