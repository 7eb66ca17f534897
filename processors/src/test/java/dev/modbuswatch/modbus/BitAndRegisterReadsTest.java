package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Functions 1-4; byte sequences from cisagov-icsnpp-modbus/modbus_example.pcap unless noted. */
class BitAndRegisterReadsTest {

    @Test
    void readCoilsRequest() throws Exception {
        ModbusPdu pdu = request("01 0001 0008");

        assertThat(pdu).isEqualTo(new ReadCoilsRequest(1, 8));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Coils (01)"),
                entry("modbus.query.read_coils.starting_address", "1"),
                entry("modbus.query.read_coils.qty_of_coils", "8"));
    }

    @Test
    void readCoilsResponsePacksTheFirstCoilIntoTheLowestBit() throws Exception {
        ReadCoilsResponse pdu = (ReadCoilsResponse) response("01 01 e9");

        assertThat(pdu.byteCount()).isEqualTo(1);
        assertThat(pdu.coilStatus()).isEqualTo(Bytes.ofHex("e9"));
        assertThat(pdu.isOn(0)).isTrue();
        assertThat(pdu.isOn(1)).isFalse();
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Coils (01)"),
                entry("modbus.response.read_coils.byte_count", "1"),
                entry("modbus.response.read_coils.coil_status", "10010111"));
    }

    @Test
    void readCoilsException() throws Exception {
        ModbusPdu pdu = response("81 02");

        assertThat(pdu).isEqualTo(new ExceptionResponse(0x81, 2));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Coils Error (0x81)"),
                entry("modbus.response.read_coils.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void readDiscreteInputs() throws Exception {
        assertThat(request("02 0001 0008")).isEqualTo(new ReadDiscreteInputsRequest(1, 8));
        assertThat(fields(request("02 0001 0008"))).containsExactly(
                entry("modbus.function_code", "Read Discrete Inputs (02)"),
                entry("modbus.query.read_discrete_inputs.starting_address", "1"),
                entry("modbus.query.read_discrete_inputs.qty_of_inputs", "8"));

        ReadDiscreteInputsResponse pdu = (ReadDiscreteInputsResponse) response("02 01 2c");
        assertThat(pdu.inputStatus()).isEqualTo(Bytes.ofHex("2c"));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Discrete Inputs (02)"),
                entry("modbus.response.read_discrete_inputs.byte_count", "1"),
                entry("modbus.response.read_discrete_inputs.input_status", "00110100"));

        assertThat(fields(response("82 03"))).containsExactly(
                entry("modbus.function_code", "Read Discrete Inputs Error (0x82)"),
                entry("modbus.response.read_discrete_inputs.exc_code", "Illegal Data Value (03)"));
    }

    @Test
    void readHoldingRegisters() throws Exception {
        // ntop-nDPI/modbus.pcap
        assertThat(request("03 0258 000a")).isEqualTo(new ReadHoldingRegistersRequest(600, 10));
        assertThat(fields(request("03 0258 000a"))).containsExactly(
                entry("modbus.function_code", "Read Holding Registers (03)"),
                entry("modbus.query.read_holding_registers.starting_address", "600"),
                entry("modbus.query.read_holding_registers.qty_of_regs", "10"));

        ReadHoldingRegistersResponse pdu =
                (ReadHoldingRegistersResponse) response("03 10 00aa 00aa 00bb 00cc ef84 e3eb 9f8b e4c1");
        assertThat(pdu.byteCount()).isEqualTo(16);
        assertThat(pdu.registers()).containsExactly(170, 170, 187, 204, 61316, 58347, 40843, 58561);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Holding Registers (03)"),
                entry("modbus.response.read_holding_registers.byte_count", "16"),
                entry("modbus.response.read_holding_registers.registers",
                        "170, 170, 187, 204, 61316, 58347, 40843, 58561"));

        assertThat(fields(response("83 02"))).containsExactly(
                entry("modbus.function_code", "Read Holding Registers Error (0x83)"),
                entry("modbus.response.read_holding_registers.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void readInputRegisters() throws Exception {
        assertThat(request("04 0001 0008")).isEqualTo(new ReadInputRegistersRequest(1, 8));
        assertThat(fields(request("04 0001 0008"))).containsExactly(
                entry("modbus.function_code", "Read Input Registers (04)"),
                entry("modbus.query.read_input_registers.starting_address", "1"),
                entry("modbus.query.read_input_registers.qty_of_input_regs", "8"));

        ModbusPdu pdu = response("04 10 8e2b 1f7b 9b4b 8251 1bfa db8f 026b ae97");
        assertThat(pdu).isEqualTo(new ReadInputRegistersResponse(16,
                Registers.of(36395, 8059, 39755, 33361, 7162, 56207, 619, 44695)));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read Input Registers (04)"),
                entry("modbus.response.read_input_registers.byte_count", "16"),
                entry("modbus.response.read_input_registers.input_registers",
                        "36395, 8059, 39755, 33361, 7162, 56207, 619, 44695"));

        assertThat(fields(response("84 04"))).containsExactly(
                entry("modbus.function_code", "Read Input Registers Error (0x84)"),
                entry("modbus.response.read_input_registers.exc_code", "Server Device Failure (04)"));
    }

    @Test
    void quantitiesOutsideTheSpecificationAreDecodeErrors() {
        // ITI modbus_test_data_part2.pcap sends a zero quantity to every function.
        assertThat(requestError("01 0000 0000")).isEqualTo("Read Coils request: quantity of coils 0 out of range 1..2000");
        assertThat(requestError("01 0000 07d1")).isEqualTo("Read Coils request: quantity of coils 2001 out of range 1..2000");
        assertThat(requestError("02 0000 07d1"))
                .isEqualTo("Read Discrete Inputs request: quantity of inputs 2001 out of range 1..2000");
        assertThat(requestError("03 0000 007e"))
                .isEqualTo("Read Holding Registers request: quantity of registers 126 out of range 1..125");
        // zeek/fuzz-1011.pcap
        assertThat(requestError("04 0000 0093"))
                .isEqualTo("Read Input Registers request: quantity of input registers 147 out of range 1..125");
    }

    @Test
    void requestsOfTheWrongLengthAreDecodeErrors() {
        assertThat(requestError("03 0000")).isEqualTo("Read Holding Registers request: 3 bytes, expected 5");
        assertThat(requestError("03 0000 0001 ff")).isEqualTo("Read Holding Registers request: 6 bytes, expected 5");
    }

    @Test
    void inconsistentResponsesAreDecodeErrors() {
        assertThat(responseError("01")).isEqualTo("Read Coils response: 1 byte, expected at least 2");
        assertThat(responseError("01 02 e9")).isEqualTo("Read Coils response: byte count 2 but 1 byte follows");
        assertThat(responseError("01 01 e9 00")).isEqualTo("Read Coils response: byte count 1 but 2 bytes follow");
        assertThat(responseError("01 00")).isEqualTo("Read Coils response: byte count 0 out of range 1..250");
        assertThat(responseError("03 03 00aa bb"))
                .isEqualTo("Read Holding Registers response: byte count 3 is odd, registers take 2 bytes each");
        assertThat(responseError("04 04 8e2b"))
                .isEqualTo("Read Input Registers response: byte count 4 but 2 bytes follow");
        assertThat(responseError("04 00")).isEqualTo("Read Input Registers response: byte count 0 out of range 2..250");
    }
}
