package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/** Lower-case hex without separators, the format of every raw-bytes event field. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The bytes from the buffer's position to its limit; the position is left where it was. */
    public static String of(ByteBuffer buffer) {
        int from = buffer.position();
        int to = buffer.limit();
        char[] out = new char[(to - from) * 2];
        for (int i = from, j = 0; i < to; i++, j += 2) {
            int b = buffer.get(i);
            out[j] = DIGITS[(b >> 4) & 0xF];
            out[j + 1] = DIGITS[b & 0xF];
        }
        return new String(out);
    }

    /** One byte value as the specification writes it: {@code 0x4D}, {@code 0x0A}. */
    public static String byteLiteral(int value) {
        int b = value & 0xFF;
        return "0x" + Character.toUpperCase(DIGITS[b >> 4]) + Character.toUpperCase(DIGITS[b & 0xF]);
    }

    static String of(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes));
    }

    /** Parses hex digits; whitespace and ':' between bytes are ignored. For tests and tools, not the hot path. */
    public static byte[] parse(CharSequence hex) {
        StringBuilder digits = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c) && c != ':') {
                digits.append(c);
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex digit in: " + hex);
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }
}
