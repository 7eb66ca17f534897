package dev.modbuswatch.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionCodesTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            1  | Read Coils (01)                         | read_coils
            2  | Read Discrete Inputs (02)               | read_discrete_inputs
            3  | Read Holding Registers (03)             | read_holding_registers
            4  | Read Input Registers (04)               | read_input_registers
            5  | Write Single Coil (05)                  | write_single_coil
            6  | Write Single Register (06)              | write_single_register
            7  | Read Exception Status (07)              | read_exception_status
            8  | Diagnostics (08)                        | diagnostics
            11 | Get Comm Event Counter (11)             | get_comm_event_counter
            12 | Get Comm Event Log (12)                 | get_comm_event_log
            15 | Write Multiple Coils (15)               | write_multiple_coils
            16 | Write Multiple Registers (16)           | write_multiple_registers
            17 | Report Server ID (17)                   | report_server_id
            20 | Read File Record (20)                   | read_file_record
            21 | Write File Record (21)                  | write_file_record
            22 | Mask Write Register (22)                | mask_write_register
            23 | Read/Write Multiple Registers (23)      | read_write_multiple_registers
            24 | Read FIFO Queue (24)                    | read_fifo_queue
            43 | Encapsulated Interface Transport (43)   | encapsulated_interface_transport
            """)
    void publicFunctions(int code, String label, String segment) {
        assertThat(FunctionCodes.label(code, false)).isEqualTo(label);
        assertThat(FunctionCodes.label(code, true)).isEqualTo(label);
        assertThat(FunctionCodes.fieldSegment(code, false)).isEqualTo(segment);
        assertThat(FunctionCodes.fieldSegment(code | 0x80, true)).isEqualTo(segment);
        assertThat(FunctionCodes.functionClass(code, false)).isEqualTo(FunctionClass.PUBLIC);
    }

    @Test
    void exceptionCodesAreLabelledInHex() {
        assertThat(FunctionCodes.label(0x90, true)).isEqualTo("Write Multiple Registers Error (0x90)");
        assertThat(FunctionCodes.label(0x81, true)).isEqualTo("Read Coils Error (0x81)");
        assertThat(FunctionCodes.name(0x90, true)).isEqualTo("Write Multiple Registers");
        assertThat(FunctionCodes.functionClass(0x90, true)).isEqualTo(FunctionClass.EXCEPTION);
        assertThat(FunctionCodes.label(0x90, false)).isEqualTo("Invalid Function (144)");
        assertThat(FunctionCodes.functionClass(0x90, false)).isEqualTo(FunctionClass.INVALID);
    }

    @Test
    void everyCodeOfOneToOneHundredTwentySevenHasAClass() {
        Map<FunctionClass, Integer> counts = new EnumMap<>(FunctionClass.class);
        for (int code = 1; code <= 127; code++) {
            counts.merge(FunctionCodes.functionClass(code, false), 1, Integer::sum);
        }

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                FunctionClass.PUBLIC, 19,
                FunctionClass.USER_DEFINED, 19,
                FunctionClass.RESERVED, 11,
                FunctionClass.UNASSIGNED, 78));
    }

    @Test
    void classBoundaries() {
        assertThat(FunctionCodes.functionClass(64, false)).isEqualTo(FunctionClass.UNASSIGNED);
        assertThat(FunctionCodes.functionClass(65, false)).isEqualTo(FunctionClass.USER_DEFINED);
        assertThat(FunctionCodes.functionClass(72, false)).isEqualTo(FunctionClass.USER_DEFINED);
        assertThat(FunctionCodes.functionClass(73, false)).isEqualTo(FunctionClass.UNASSIGNED);
        assertThat(FunctionCodes.functionClass(100, false)).isEqualTo(FunctionClass.USER_DEFINED);
        assertThat(FunctionCodes.functionClass(110, false)).isEqualTo(FunctionClass.USER_DEFINED);
        assertThat(FunctionCodes.functionClass(9, false)).isEqualTo(FunctionClass.RESERVED);
        assertThat(FunctionCodes.functionClass(91, false)).isEqualTo(FunctionClass.RESERVED);
        assertThat(FunctionCodes.functionClass(0, false)).isEqualTo(FunctionClass.INVALID);
        assertThat(FunctionCodes.label(127, false)).isEqualTo("Reserved Function (127)");
    }
}
