package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.buffer;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.modbus.fields.ModbusEventFields;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed PDUs become decode errors with a precise message, never runtime exceptions, and keep their bytes. */
class MalformedPduTest {

    /** Well-formed PDUs of every function: {direction, hex}. */
    private static final List<String[]> VALID = List.of(
            new String[] {"request", "01 0001 0008"}, new String[] {"response", "01 01 e9"},
            new String[] {"request", "03 0258 000a"}, new String[] {"response", "03 04 00aa 00bb"},
            new String[] {"request", "05 0001 ff00"}, new String[] {"request", "06 0001 abcd"},
            new String[] {"response", "07 15"}, new String[] {"request", "08 0004 0000"},
            new String[] {"response", "0b ffff 0108"}, new String[] {"response", "0c 08 0000 0108 0121 2000"},
            new String[] {"request", "0f 0013 000a 02 cd01"}, new String[] {"request", "10 0000 0003 06 0061 0062 0063"},
            new String[] {"response", "11 03 00 ff 41"}, new String[] {"request", "14 0e 06 0004 0001 0002 06 0003 0009 0002"},
            new String[] {"response", "14 0c 05 06 0dfe 0020 05 06 33cd 0040"},
            new String[] {"request", "15 0d 06 0004 0007 0003 06af 04be 100d"},
            new String[] {"request", "16 0004 00f2 0025"}, new String[] {"request", "17 0003 0006 000e 0003 06 00ff 00ff 00ff"},
            new String[] {"response", "18 0006 0002 01b8 1284"}, new String[] {"request", "2b 0e 01 00"},
            new String[] {"response", "2b 0e 01 83 00 00 02 00 02 4142 01 01 43"}, new String[] {"response", "90 02"});

    @Test
    void emptyPdus() {
        assertThat(requestError("")).isEqualTo("request: empty PDU, no function code");
        assertThat(responseError("")).isEqualTo("response: empty PDU, no function code");
    }

    @Test
    void malformedFieldsKeepTheFunctionTheReasonAndTheBytes() {
        ByteBuffer pdu = buffer("10 0000 0006 0c 0001 0002 0003");
        Map<String, String> out = new LinkedHashMap<>();

        ModbusPdu decoded = ModbusEventFields.decodeAndAppend(pdu, false, out);

        assertThat(decoded).isNull();
        assertThat(pdu.position()).isZero();
        assertThat(out).containsExactly(
                entry("modbus.function_code", "Write Multiple Registers (16)"),
                entry("modbus.malformed", "true"),
                entry("modbus.malformed_reason", "Write Multiple Registers request: byte count 12 but 6 bytes follow"),
                entry("modbus.raw_pdu", "10000000060c000100020003"));
    }

    @Test
    void malformedExceptionResponsesAreNamedAsExceptionsAndKeepTheirExceptionCode() {
        Map<String, String> out = new LinkedHashMap<>();

        ModbusEventFields.decodeAndAppend(buffer("81 06 00"), true, out);

        assertThat(out).containsExactly(
                entry("modbus.function_code", "Read Coils Error (0x81)"),
                entry("modbus.response.read_coils.exc_code", "Server Device Busy (06)"),
                entry("modbus.malformed", "true"),
                entry("modbus.malformed_reason", "Read Coils exception response: 3 bytes, expected 2"),
                entry("modbus.raw_pdu", "810600"));
    }

    @Test
    void anEmptyPduHasNoFunctionCodeField() {
        Map<String, String> out = new LinkedHashMap<>();

        ModbusEventFields.decodeAndAppend(ByteBuffer.allocate(0), true, out);

        assertThat(out).containsExactly(
                entry("modbus.malformed", "true"),
                entry("modbus.malformed_reason", "response: empty PDU, no function code"),
                entry("modbus.raw_pdu", ""));
    }

    @Test
    void aWellFormedPduIsDecodedAndConsumed() {
        ByteBuffer pdu = buffer("03 0258 000a");
        Map<String, String> out = new LinkedHashMap<>();

        ModbusPdu decoded = ModbusEventFields.decodeAndAppend(pdu, false, out);

        assertThat(decoded).isEqualTo(new ReadHoldingRegistersRequest(600, 10));
        assertThat(pdu.hasRemaining()).isFalse();
        assertThat(out).doesNotContainKey("modbus.malformed").containsKey("modbus.function_code");
    }

    @Test
    void decodesFromThePositionToTheLimitOfALargerBufferWhateverItsByteOrder() throws Exception {
        // A whole ADU: MBAP header (7 bytes), PDU, and the start of the next ADU after the limit.
        byte[] adu = Hex.parse("0005 0000 0005 04 03 02 00aa 0007");
        ByteBuffer pdu = ByteBuffer.wrap(adu, 7, 4).slice().order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ModbusPdu.decode(pdu, true))
                .isEqualTo(new ReadHoldingRegistersResponse(2, Registers.of(170)));
    }

    @Test
    void everyTruncationOrExtensionOfAValidPduIsADecodeError() {
        for (String[] vector : VALID) {
            boolean response = vector[0].equals("response");
            byte[] bytes = Hex.parse(vector[1]);
            for (int length = 0; length < bytes.length; length++) {
                assertDecodeError(Arrays.copyOf(bytes, length), response);
            }
            assertDecodeError(Arrays.copyOf(bytes, bytes.length + 1), response);
        }
    }

    @Test
    void randomBytesDecodeOrRaiseDecodeErrorsOnly() {
        Random random = new Random(20240607);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(24)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) random.nextInt(25);
            }
            boolean response = random.nextBoolean();
            try {
                ModbusEventFields.append(ModbusPdu.decode(ByteBuffer.wrap(bytes), response), new LinkedHashMap<>());
            } catch (ModbusDecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static void assertDecodeError(byte[] bytes, boolean response) {
        String hex = Hex.of(ByteBuffer.wrap(bytes));
        String message = response ? responseError(hex) : requestError(hex);
        assertThat(message).as("decode error of %s", hex).isNotBlank();
    }
}
