package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An immutable run of bytes out of a PDU: coil bits, diagnostic data, device identification strings, raw data. */
public final class Bytes {

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(byte... bytes) {
        return new Bytes(bytes.clone());
    }

    public static Bytes ofHex(CharSequence hex) {
        return new Bytes(Hex.parse(hex));
    }

    /** Copies {@code length} bytes starting at the absolute {@code index}, leaving the buffer's position alone. */
    static Bytes copy(ByteBuffer buffer, int index, int length) {
        byte[] out = new byte[length];
        buffer.get(index, out);
        return new Bytes(out);
    }

    public int size() {
        return data.length;
    }

    /** The byte at {@code index} as an unsigned value 0-255. */
    public int get(int index) {
        return data[index] & 0xFF;
    }

    /** Bit {@code index} counted from the least significant bit of the first byte, the order of coils and inputs. */
    public boolean bit(int index) {
        return (data[index >> 3] >> (index & 7) & 1) != 0;
    }

    public byte[] toByteArray() {
        return data.clone();
    }

    public String toHex() {
        return Hex.of(data);
    }

    /** The bytes as text, one character per byte (ISO-8859-1), as device identification strings are sent. */
    public String toText() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "0x" + toHex();
    }
}
