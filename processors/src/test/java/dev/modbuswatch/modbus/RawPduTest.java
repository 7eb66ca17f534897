package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Function codes the specification does not define are kept raw, with their class. */
class RawPduTest {

    @Test
    void userDefinedFunctions() throws Exception {
        RawPdu pdu = (RawPdu) request("41 0102");

        assertThat(pdu).isEqualTo(new RawPdu(65, false, Bytes.ofHex("0102")));
        assertThat(pdu.functionClass()).isEqualTo(FunctionClass.USER_DEFINED);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "User-Defined Function (65)"),
                entry("modbus.query.user_defined_function.function_class", "user-defined"),
                entry("modbus.query.user_defined_function.data", "0102"));

        assertThat(fields(response("6e"))).containsExactly(
                entry("modbus.function_code", "User-Defined Function (110)"),
                entry("modbus.response.user_defined_function.function_class", "user-defined"),
                entry("modbus.response.user_defined_function.data", ""));
    }

    @Test
    void reservedFunctionsSuchAsSchneiderUmas() throws Exception {
        // ntop-nDPI/umas.pcap
        RawPdu pdu = (RawPdu) request("5a 0002");
        assertThat(pdu.functionClass()).isEqualTo(FunctionClass.RESERVED);
        assertThat(pdu.isResponse()).isFalse();
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Reserved Function (90)"),
                entry("modbus.query.reserved_function.function_class", "reserved"),
                entry("modbus.query.reserved_function.data", "0002"));

        RawPdu answer = (RawPdu) response("5a 00fe 10ff 5a01");
        assertThat(answer.isResponse()).isTrue();
        assertThat(answer.data()).isEqualTo(Bytes.ofHex("00fe10ff5a01"));
        assertThat(fields(answer)).containsEntry("modbus.response.reserved_function.data", "00fe10ff5a01");

        // ITI modbus_test_data_part2.pcap
        assertThat(fields(response("7d 02800d")))
                .containsEntry("modbus.function_code", "Reserved Function (125)")
                .containsEntry("modbus.response.reserved_function.function_class", "reserved");
    }

    @Test
    void unassignedFunctions() throws Exception {
        // zeek/fuzz-72.pcap
        RawPdu pdu = (RawPdu) request("1d 00000000");

        assertThat(pdu.functionClass()).isEqualTo(FunctionClass.UNASSIGNED);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Unassigned Function (29)"),
                entry("modbus.query.unassigned_function.function_class", "unassigned"),
                entry("modbus.query.unassigned_function.data", "00000000"));
    }

    @Test
    void functionCodeZeroAndExceptionCodesInRequestsAreInvalid() throws Exception {
        // ITI modbus_test_data_part2.pcap
        assertThat(fields(request("00 00000000"))).containsExactly(
                entry("modbus.function_code", "Invalid Function (00)"),
                entry("modbus.query.invalid_function.function_class", "invalid"),
                entry("modbus.query.invalid_function.data", "00000000"));

        RawPdu pdu = (RawPdu) request("90 02");
        assertThat(pdu.functionClass()).isEqualTo(FunctionClass.INVALID);
        assertThat(fields(pdu)).containsEntry("modbus.function_code", "Invalid Function (144)");
    }
}
