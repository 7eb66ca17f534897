package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.buffer;
import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exception responses 0x80-0xFF and the names of their exception codes. */
class ExceptionResponseTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            01 | Illegal Function (01)
            02 | Illegal Data Address (02)
            03 | Illegal Data Value (03)
            04 | Server Device Failure (04)
            05 | Acknowledge (05)
            06 | Server Device Busy (06)
            08 | Memory Parity Error (08)
            0a | Gateway Path Unavailable (10)
            0b | Gateway Target Device Failed to Respond (11)
            00 | Unknown Exception Code (00)
            07 | Unknown Exception Code (07)
            09 | Unknown Exception Code (09)
            0c | Unknown Exception Code (12)
            ff | Unknown Exception Code (255)
            """)
    void exceptionCodesAreNamed(String code, String label) throws Exception {
        ExceptionResponse pdu = (ExceptionResponse) response("83 " + code);

        assertThat(pdu.exceptionLabel()).isEqualTo(label);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Holding Registers Error (0x83)"),
                entry("modbus.response.read_holding_registers.exc_code", label));
    }

    @Test
    void theFailedFunctionNamesTheFields() throws Exception {
        ExceptionResponse pdu = (ExceptionResponse) response("90 02");

        assertThat(pdu.functionCode()).isEqualTo(0x90);
        assertThat(pdu.failedFunctionCode()).isEqualTo(16);
        assertThat(pdu.exceptionCode()).isEqualTo(2);
        assertThat(pdu.isResponse()).isTrue();
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Write Multiple Registers Error (0x90)"),
                entry("modbus.response.write_multiple_registers.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void exceptionsOfUndefinedFunctions() throws Exception {
        // ITI modbus_test_data_part2.pcap answers every function code with an exception.
        assertThat(fields(response("80 01"))).containsExactly(
                entry("modbus.function_code", "Invalid Function Error (0x80)"),
                entry("modbus.response.invalid_function.exc_code", "Illegal Function (01)"));
        assertThat(fields(response("c1 01"))).containsExactly(
                entry("modbus.function_code", "User-Defined Function Error (0xC1)"),
                entry("modbus.response.user_defined_function.exc_code", "Illegal Function (01)"));
        assertThat(fields(response("da 01"))).containsExactly(
                entry("modbus.function_code", "Reserved Function Error (0xDA)"),
                entry("modbus.response.reserved_function.exc_code", "Illegal Function (01)"));
        assertThat(fields(response("9d 01"))).containsExactly(
                entry("modbus.function_code", "Unassigned Function Error (0x9D)"),
                entry("modbus.response.unassigned_function.exc_code", "Illegal Function (01)"));
    }

    @Test
    void exceptionResponsesAreExactlyTwoBytes() {
        assertThat(responseError("81")).isEqualTo("Read Coils exception response: 1 byte, expected 2");
        // ITI modbus_test_data_part1.pcap
        assertThat(responseError("81 06 00")).isEqualTo("Read Coils exception response: 3 bytes, expected 2");
    }

    @Test
    void decodingANormalResponseAsAnExceptionFails() {
        assertThatThrownBy(() -> ExceptionResponse.decode(buffer("03 02")))
                .isInstanceOf(ModbusDecodeException.class)
                .hasMessage("Read Holding Registers response: function code 3 lacks the exception bit 0x80");
    }
}
