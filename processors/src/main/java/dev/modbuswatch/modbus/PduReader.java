package dev.modbuswatch.modbus;

import java.nio.ByteBuffer;

/**
 * Reads one PDU with absolute gets, so the buffer's position only moves once the PDU decoded completely. Every
 * decode error message is phrased here, prefixed with the function and direction, e.g.
 * {@code "Read Coils response: 3 bytes, expected at least 2"}. Lengths count the whole PDU, function code included.
 */
final class PduReader {

    private final ByteBuffer buffer;
    private final int start;
    private final int length;
    private final int functionCode;
    private final boolean response;
    private int offset = 1;

    private PduReader(ByteBuffer buffer, int functionCode, boolean response) {
        this.buffer = buffer;
        this.start = buffer.position();
        this.length = buffer.remaining();
        this.functionCode = functionCode;
        this.response = response;
    }

    /** Opens a PDU whose function code byte must be {@code expected}. */
    static PduReader open(ByteBuffer pdu, int expected, boolean response) throws ModbusDecodeException {
        PduReader reader = new PduReader(pdu, expected, response);
        if (reader.length == 0) {
            throw reader.fail("empty PDU");
        }
        int actual = pdu.get(pdu.position()) & 0xFF;
        if (actual != expected) {
            throw reader.fail("function code " + actual + ", expected " + expected);
        }
        return reader;
    }

    /** Opens a PDU whatever its function code. */
    static PduReader openAny(ByteBuffer pdu, boolean response) throws ModbusDecodeException {
        if (!pdu.hasRemaining()) {
            throw new ModbusDecodeException((response ? "response" : "request") + ": empty PDU");
        }
        return new PduReader(pdu, pdu.get(pdu.position()) & 0xFF, response);
    }

    int functionCode() {
        return functionCode;
    }

    /** Bytes not read yet. */
    int remaining() {
        return length - offset;
    }

    void requireLength(int expected) throws ModbusDecodeException {
        if (length != expected) {
            throw fail(countBytes(length) + ", expected " + expected);
        }
    }

    void requireAtLeast(int minimum) throws ModbusDecodeException {
        if (length < minimum) {
            throw fail(countBytes(length) + ", expected at least " + minimum);
        }
    }

    /** The bytes that follow a byte count field must be exactly {@code byteCount}. */
    void requireByteCount(String field, int byteCount) throws ModbusDecodeException {
        if (remaining() != byteCount) {
            throw fail(field + " " + byteCount + " but " + bytesFollowing());
        }
    }

    /** At least {@code needed} bytes must be left for {@code what}, e.g. {@code "sub-request #2"}. */
    void requireFollowing(String what, int needed) throws ModbusDecodeException {
        if (remaining() < needed) {
            throw fail(what + " needs " + countBytes(needed) + " but " + bytesFollowing());
        }
    }

    void requireRange(String field, int value, int min, int max) throws ModbusDecodeException {
        if (value < min || value > max) {
            throw fail(field + " " + value + " out of range " + min + ".." + max);
        }
    }

    /** A byte count of registers must be even. */
    void requireRegisterBytes(String field, int byteCount) throws ModbusDecodeException {
        if (byteCount % 2 != 0) {
            throw fail(field + " " + byteCount + " is odd, registers take 2 bytes each");
        }
    }

    /** A count derived from another field, e.g. a byte count that must be twice the quantity of registers. */
    void requireDerived(String field, int value, String basisField, int basis, int expected)
            throws ModbusDecodeException {
        if (value != expected) {
            throw fail(field + " " + value + " but " + basisField + " " + basis + " needs " + expected);
        }
    }

    int u8() throws ModbusDecodeException {
        need(1);
        return buffer.get(start + offset++) & 0xFF;
    }

    int u16() throws ModbusDecodeException {
        need(2);
        int at = start + offset;
        offset += 2;
        return (buffer.get(at) & 0xFF) << 8 | buffer.get(at + 1) & 0xFF;
    }

    int u16InRange(String field, int min, int max) throws ModbusDecodeException {
        int value = u16();
        requireRange(field, value, min, max);
        return value;
    }

    Bytes bytes(int count) throws ModbusDecodeException {
        need(count);
        Bytes out = Bytes.copy(buffer, start + offset, count);
        offset += count;
        return out;
    }

    Bytes rest() throws ModbusDecodeException {
        return bytes(remaining());
    }

    /**
     * A byte count (2 to {@code maxByteCount}, even, all present) followed by that many bytes of registers: the body
     * of the responses of functions 3, 4 and 23.
     */
    Registers countedRegisters(int maxByteCount) throws ModbusDecodeException {
        requireAtLeast(2);
        int byteCount = u8();
        requireRange("byte count", byteCount, 2, maxByteCount);
        requireRegisterBytes("byte count", byteCount);
        requireByteCount("byte count", byteCount);
        return registers(byteCount / 2);
    }

    Registers registers(int count) throws ModbusDecodeException {
        need(2 * count);
        Registers out = Registers.read(buffer, start + offset, count);
        offset += 2 * count;
        return out;
    }

    /** Confirms nothing is left over and consumes the PDU. */
    void end() throws ModbusDecodeException {
        if (offset != length) {
            throw fail(countBytes(length - offset) + " left over after the last field");
        }
        buffer.position(start + length);
    }

    ModbusDecodeException fail(String detail) {
        return new ModbusDecodeException(subject() + ": " + detail);
    }

    private String subject() {
        if (response && functionCode >= FunctionCodes.EXCEPTION_BIT) {
            return FunctionCodes.name(functionCode, true) + " exception response";
        }
        return FunctionCodes.name(functionCode, response) + (response ? " response" : " request");
    }

    /** Safety net behind the explicit length checks: a decoder bug surfaces as a decode error, never an underflow. */
    private void need(int count) throws ModbusDecodeException {
        if (count > length - offset) {
            throw fail("truncated at byte " + offset + ": needs " + countBytes(count) + ", "
                    + countBytes(length - offset) + " left");
        }
    }

    private String bytesFollowing() {
        return remaining() == 1 ? "1 byte follows" : remaining() + " bytes follow";
    }

    private static String countBytes(int count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }
}
