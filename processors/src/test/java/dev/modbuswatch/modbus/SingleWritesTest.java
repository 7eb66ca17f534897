package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Functions 5 and 6. */
class SingleWritesTest {

    @Test
    void writeSingleCoilOn() throws Exception {
        WriteSingleCoilRequest pdu = (WriteSingleCoilRequest) request("05 0001 ff00");

        assertThat(pdu).isEqualTo(new WriteSingleCoilRequest(1, 0xFF00));
        assertThat(pdu.isOn()).isTrue();
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Write Single Coil (05)"),
                entry("modbus.query.write_single_coil.output_address", "1"),
                entry("modbus.query.write_single_coil.output_value", "65280"));
    }

    @Test
    void writeSingleCoilResponseEchoesTheRequest() throws Exception {
        // ITI modbus_test_data_part1.pcap
        WriteSingleCoilResponse pdu = (WriteSingleCoilResponse) response("05 0002 0000");

        assertThat(pdu).isEqualTo(new WriteSingleCoilResponse(2, 0));
        assertThat(pdu.isOn()).isFalse();
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Write Single Coil (05)"),
                entry("modbus.response.write_single_coil.output_address", "2"),
                entry("modbus.response.write_single_coil.output_value", "0"));
    }

    @Test
    void writeSingleCoilException() throws Exception {
        assertThat(fields(response("85 01"))).containsExactly(
                entry("modbus.function_code", "Write Single Coil Error (0x85)"),
                entry("modbus.response.write_single_coil.exc_code", "Illegal Function (01)"));
    }

    @Test
    void coilValuesOtherThanOnAndOffAreDecodeErrors() {
        assertThat(requestError("05 0002 1234"))
                .isEqualTo("Write Single Coil request: output value 4660, expected 65280 (0xFF00, on) or 0 (off)");
        assertThat(responseError("05 0002 00ff"))
                .isEqualTo("Write Single Coil response: output value 255, expected 65280 (0xFF00, on) or 0 (off)");
    }

    @Test
    void writeSingleRegister() throws Exception {
        assertThat(request("06 0001 abcd")).isEqualTo(new WriteSingleRegisterRequest(1, 43981));
        assertThat(fields(request("06 0001 abcd"))).containsExactly(
                entry("modbus.function_code", "Write Single Register (06)"),
                entry("modbus.query.write_single_register.register_address", "1"),
                entry("modbus.query.write_single_register.register_value", "43981"));

        assertThat(response("06 0005 000b")).isEqualTo(new WriteSingleRegisterResponse(5, 11));
        assertThat(fields(response("06 0005 000b"))).containsExactly(
                entry("modbus.function_code", "Write Single Register (06)"),
                entry("modbus.response.write_single_register.register_address", "5"),
                entry("modbus.response.write_single_register.register_value", "11"));

        assertThat(fields(response("86 03"))).containsExactly(
                entry("modbus.function_code", "Write Single Register Error (0x86)"),
                entry("modbus.response.write_single_register.exc_code", "Illegal Data Value (03)"));
    }

    @Test
    void writeSingleRegisterOfTheWrongLengthIsADecodeError() {
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("06 0000 0000 0000")).isEqualTo("Write Single Register request: 7 bytes, expected 5");
        assertThat(responseError("06 0000")).isEqualTo("Write Single Register response: 3 bytes, expected 5");
    }
}
