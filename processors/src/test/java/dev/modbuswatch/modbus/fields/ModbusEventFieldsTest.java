package dev.modbuswatch.modbus.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.modbus.Hex;
import dev.modbuswatch.modbus.ModbusPdu;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole events against the NXLog im_pcap field names known from the product's Sentinel tables. */
class ModbusEventFieldsTest {

    @Test
    void writeMultipleRegistersRequestEvent() throws Exception {
        Map<String, String> event = new LinkedHashMap<>();

        ModbusEventFields.appendHeader(14, 0, 13, 7, event);
        ModbusEventFields.append(decode("10 0000 0003 06 0061 0062 0063", false), event);

        assertThat(event).containsExactly(
                entry("modbus.trans_id", "14"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "13"),
                entry("modbus.unit_id", "7"),
                entry("modbus.function_code", "Write Multiple Registers (16)"),
                entry("modbus.query.write_multiple_registers.starting_address", "0"),
                entry("modbus.query.write_multiple_registers.qty_of_regs", "3"),
                entry("modbus.query.write_multiple_registers.byte_count", "6"),
                entry("modbus.query.write_multiple_registers.registers", "97, 98, 99"));
    }

    @Test
    void writeMultipleRegistersExceptionEvent() throws Exception {
        Map<String, String> event = new LinkedHashMap<>();

        ModbusEventFields.appendHeader(14, 0, 3, 7, event);
        ModbusEventFields.append(decode("90 02", true), event);

        assertThat(event).containsExactly(
                entry("modbus.trans_id", "14"),
                entry("modbus.prot_id", "0"),
                entry("modbus.length", "3"),
                entry("modbus.unit_id", "7"),
                entry("modbus.function_code", "Write Multiple Registers Error (0x90)"),
                entry("modbus.response.write_multiple_registers.exc_code", "Illegal Data Address (02)"));
    }

    @Test
    void theSameFieldNameInstanceIsReusedForEveryPdu() throws Exception {
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> second = new LinkedHashMap<>();

        ModbusEventFields.append(decode("03 0000 0001", false), first);
        ModbusEventFields.append(decode("03 0010 0002", false), second);

        assertThat(first.keySet()).containsExactlyElementsOf(second.keySet());
        String firstName = first.keySet().stream().skip(1).findFirst().orElseThrow();
        String secondName = second.keySet().stream().skip(1).findFirst().orElseThrow();
        assertThat(secondName).isSameAs(firstName);
        assertThat(second).containsEntry("modbus.query.read_holding_registers.starting_address", "16");
    }

    private static ModbusPdu decode(String hex, boolean response) throws Exception {
        return ModbusPdu.decode(ByteBuffer.wrap(Hex.parse(hex)), response);
    }
}
