package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable list of 16-bit register values (0-65535), stored unboxed. */
public final class Registers extends AbstractList<Integer> implements RandomAccess {

    private static final Registers EMPTY = new Registers(new char[0]);

    // char is Java's unsigned 16-bit type: exactly a Modbus register.
    private final char[] values;

    private Registers(char[] values) {
        this.values = values;
    }

    public static Registers of(int... values) {
        char[] copy = new char[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException("register value " + values[i] + " out of range 0..65535");
            }
            copy[i] = (char) values[i];
        }
        return new Registers(copy);
    }

    /** Reads {@code count} big-endian registers starting at the absolute {@code index}. */
    static Registers read(ByteBuffer buffer, int index, int count) {
        if (count == 0) {
            return EMPTY;
        }
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            int at = index + 2 * i;
            // Not getChar(): it follows the buffer's byte order, and Modbus is big-endian whatever the caller set.
            out[i] = (char) ((buffer.get(at) & 0xFF) << 8 | buffer.get(at + 1) & 0xFF);
        }
        return new Registers(out);
    }

    /** The value of register {@code index} without boxing. */
    public int getInt(int index) {
        return values[index];
    }

    @Override
    public Integer get(int index) {
        return (int) values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
