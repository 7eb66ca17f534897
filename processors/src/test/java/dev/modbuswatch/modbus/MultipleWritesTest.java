package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Functions 15, 16, 22 and 23. */
class MultipleWritesTest {

    @Test
    void writeMultipleCoils() throws Exception {
        // The specification's example: coils 20-29 set to 1011001110.
        WriteMultipleCoilsRequest pdu = (WriteMultipleCoilsRequest) request("0f 0013 000a 02 cd01");

        assertThat(pdu).isEqualTo(new WriteMultipleCoilsRequest(19, 10, 2, Bytes.ofHex("cd01")));
        assertThat(pdu.isOn(0)).isTrue();
        assertThat(pdu.isOn(1)).isFalse();
        assertThat(pdu.isOn(8)).isTrue();
        assertThatThrownBy(() -> pdu.isOn(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Write Multiple Coils (15)"),
                entry("modbus.query.write_multiple_coils.starting_address", "19"),
                entry("modbus.query.write_multiple_coils.qty_of_outputs", "10"),
                entry("modbus.query.write_multiple_coils.byte_count", "2"),
                entry("modbus.query.write_multiple_coils.outputs_value", "1011001110"));

        assertThat(response("0f 0013 000a")).isEqualTo(new WriteMultipleCoilsResponse(19, 10));
        assertThat(fields(response("0f 0013 000a"))).containsExactly(
                entry("modbus.function_code", "Write Multiple Coils (15)"),
                entry("modbus.response.write_multiple_coils.starting_address", "19"),
                entry("modbus.response.write_multiple_coils.qty_of_outputs", "10"));

        assertThat(fields(response("8f 02"))).containsExactly(
                entry("modbus.function_code", "Write Multiple Coils Error (0x8F)"),
                entry("modbus.response.write_multiple_coils.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void writeMultipleCoilsErrors() {
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("0f 0000 0000 00"))
                .isEqualTo("Write Multiple Coils request: quantity of outputs 0 out of range 1..1968");
        assertThat(requestError("0f 0013 000a 01 cd"))
                .isEqualTo("Write Multiple Coils request: byte count 1 but quantity of outputs 10 needs 2");
        assertThat(requestError("0f 0013 000a 02 cd"))
                .isEqualTo("Write Multiple Coils request: byte count 2 but 1 byte follows");
        assertThat(requestError("0f 0013 000a")).isEqualTo("Write Multiple Coils request: 5 bytes, expected at least 6");
        assertThat(responseError("0f 0013 07b1"))
                .isEqualTo("Write Multiple Coils response: quantity of outputs 1969 out of range 1..1968");
    }

    @Test
    void writeMultipleRegisters() throws Exception {
        WriteMultipleRegistersRequest pdu = (WriteMultipleRegistersRequest) request("10 0000 0003 06 0061 0062 0063");

        assertThat(pdu).isEqualTo(new WriteMultipleRegistersRequest(0, 3, 6, Registers.of(97, 98, 99)));
        assertThat(pdu.registers()).containsExactly(97, 98, 99);
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Write Multiple Registers (16)"),
                entry("modbus.query.write_multiple_registers.starting_address", "0"),
                entry("modbus.query.write_multiple_registers.qty_of_regs", "3"),
                entry("modbus.query.write_multiple_registers.byte_count", "6"),
                entry("modbus.query.write_multiple_registers.registers", "97, 98, 99"));

        assertThat(response("10 0000 0003")).isEqualTo(new WriteMultipleRegistersResponse(0, 3));
        assertThat(fields(response("10 0000 0003"))).containsExactly(
                entry("modbus.function_code", "Write Multiple Registers (16)"),
                entry("modbus.response.write_multiple_registers.starting_address", "0"),
                entry("modbus.response.write_multiple_registers.qty_of_regs", "3"));

        assertThat(fields(response("90 02"))).containsExactly(
                entry("modbus.function_code", "Write Multiple Registers Error (0x90)"),
                entry("modbus.response.write_multiple_registers.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void writeMultipleRegistersErrors() {
        assertThat(requestError("10 0000 0006 0c 0001 0002 0003"))
                .isEqualTo("Write Multiple Registers request: byte count 12 but 6 bytes follow");
        assertThat(requestError("10 0000 0003 04 0001 0002"))
                .isEqualTo("Write Multiple Registers request: byte count 4 but quantity of registers 3 needs 6");
        assertThat(requestError("10 0000 007c f8"))
                .isEqualTo("Write Multiple Registers request: quantity of registers 124 out of range 1..123");
        assertThat(requestError("10 0000 0001 02 0001 0002"))
                .isEqualTo("Write Multiple Registers request: byte count 2 but 4 bytes follow");
        assertThat(responseError("10 0000 0000"))
                .isEqualTo("Write Multiple Registers response: quantity of registers 0 out of range 1..123");
        assertThat(responseError("10 0000 0003 00")).isEqualTo("Write Multiple Registers response: 6 bytes, expected 5");
    }

    @Test
    void maskWriteRegister() throws Exception {
        // The specification's example.
        assertThat(request("16 0004 00f2 0025")).isEqualTo(new MaskWriteRegisterRequest(4, 0xF2, 0x25));
        assertThat(fields(request("16 0004 00f2 0025"))).containsExactly(
                entry("modbus.function_code", "Mask Write Register (22)"),
                entry("modbus.query.mask_write_register.ref_address", "4"),
                entry("modbus.query.mask_write_register.and_mask", "242"),
                entry("modbus.query.mask_write_register.or_mask", "37"));

        // cisagov-icsnpp-modbus/modbus_example.pcap
        assertThat(response("16 000a dead 0000")).isEqualTo(new MaskWriteRegisterResponse(10, 0xDEAD, 0));
        assertThat(fields(response("16 000a dead 0000"))).containsExactly(
                entry("modbus.function_code", "Mask Write Register (22)"),
                entry("modbus.response.mask_write_register.ref_address", "10"),
                entry("modbus.response.mask_write_register.and_mask", "57005"),
                entry("modbus.response.mask_write_register.or_mask", "0"));

        assertThat(fields(response("96 03")))
                .containsEntry("modbus.response.mask_write_register.exc_code", "Illegal Data Value (03)");
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("16 0000 0000")).isEqualTo("Mask Write Register request: 5 bytes, expected 7");
    }

    @Test
    void readWriteMultipleRegisters() throws Exception {
        // The specification's example.
        ModbusPdu pdu = request("17 0003 0006 000e 0003 06 00ff 00ff 00ff");
        assertThat(pdu).isEqualTo(new ReadWriteMultipleRegistersRequest(3, 6, 14, 3, 6, Registers.of(255, 255, 255)));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read/Write Multiple Registers (23)"),
                entry("modbus.query.read_write_multiple_registers.read_starting_address", "3"),
                entry("modbus.query.read_write_multiple_registers.qty_to_read", "6"),
                entry("modbus.query.read_write_multiple_registers.write_starting_address", "14"),
                entry("modbus.query.read_write_multiple_registers.qty_to_write", "3"),
                entry("modbus.query.read_write_multiple_registers.write_byte_count", "6"),
                entry("modbus.query.read_write_multiple_registers.write_registers_value", "255, 255, 255"));

        ModbusPdu answer = response("17 0c 00fe 0acd 0001 0003 000d 00ff");
        assertThat(answer).isEqualTo(new ReadWriteMultipleRegistersResponse(12, Registers.of(254, 2765, 1, 3, 13, 255)));
        assertThat(fields(answer)).containsExactly(
                entry("modbus.function_code", "Read/Write Multiple Registers (23)"),
                entry("modbus.response.read_write_multiple_registers.byte_count", "12"),
                entry("modbus.response.read_write_multiple_registers.read_registers_value", "254, 2765, 1, 3, 13, 255"));

        // zeek/4SICS-GeekLounge-151022-min.pcap
        assertThat(fields(response("97 0a"))).containsExactly(
                entry("modbus.function_code", "Read/Write Multiple Registers Error (0x97)"),
                entry("modbus.response.read_write_multiple_registers.exc_code", "Gateway Path Unavailable (10)"));
    }

    @Test
    void readWriteMultipleRegistersErrors() {
        // zeek/4SICS-GeekLounge-151022-min.pcap, truncated after the write byte count.
        assertThat(requestError("17 0000 0000 00df 2112 bf"))
                .isEqualTo("Read/Write Multiple Registers request: quantity to read 0 out of range 1..125");
        assertThat(requestError("17 0003 0006 000e 007a f4"))
                .isEqualTo("Read/Write Multiple Registers request: quantity to write 122 out of range 1..121");
        assertThat(requestError("17 0003 0006 000e 0003 04 00ff 00ff"))
                .isEqualTo("Read/Write Multiple Registers request: write byte count 4 but quantity to write 3 needs 6");
        assertThat(requestError("17 0003 0006 000e 0003 06 00ff"))
                .isEqualTo("Read/Write Multiple Registers request: write byte count 6 but 2 bytes follow");
        assertThat(requestError("17 0000 0000"))
                .isEqualTo("Read/Write Multiple Registers request: 5 bytes, expected at least 10");
        assertThat(responseError("17 03 00fe 0a"))
                .isEqualTo("Read/Write Multiple Registers response: byte count 3 is odd, registers take 2 bytes each");
    }
}
