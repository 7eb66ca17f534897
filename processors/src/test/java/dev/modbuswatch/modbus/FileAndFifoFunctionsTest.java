package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Functions 20, 21 and 24; the examples of the specification unless noted. */
class FileAndFifoFunctionsTest {

    @Test
    void readFileRecordRequest() throws Exception {
        ModbusPdu pdu = request("14 0e 06 0004 0001 0002 06 0003 0009 0002");

        assertThat(pdu).isEqualTo(new ReadFileRecordRequest(14, List.of(
                new FileRecordReference(6, 4, 1, 2), new FileRecordReference(6, 3, 9, 2))));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read File Record (20)"),
                entry("modbus.query.read_file_record.byte_count", "14"),
                entry("modbus.query.read_file_record.reference_type", "6, 6"),
                entry("modbus.query.read_file_record.file_number", "4, 3"),
                entry("modbus.query.read_file_record.record_number", "1, 9"),
                entry("modbus.query.read_file_record.record_length", "2, 2"));
    }

    @Test
    void readFileRecordResponse() throws Exception {
        ModbusPdu pdu = response("14 0c 05 06 0dfe 0020 05 06 33cd 0040");

        assertThat(pdu).isEqualTo(new ReadFileRecordResponse(12, List.of(
                new FileRecordData(5, 6, Registers.of(0x0DFE, 0x20)), new FileRecordData(5, 6, Registers.of(0x33CD, 0x40)))));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read File Record (20)"),
                entry("modbus.response.read_file_record.resp_data_length", "12"),
                entry("modbus.response.read_file_record.file_resp_length", "5, 5"),
                entry("modbus.response.read_file_record.reference_type", "6, 6"),
                entry("modbus.response.read_file_record.record_data", "3582, 32; 13261, 64"));
    }

    @Test
    void emptyFileRecordRequestsStillHaveEveryField() throws Exception {
        // cisagov-icsnpp-modbus/modbus_example.pcap
        ModbusPdu pdu = request("14 00");

        assertThat(pdu).isEqualTo(new ReadFileRecordRequest(0, List.of()));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read File Record (20)"),
                entry("modbus.query.read_file_record.byte_count", "0"),
                entry("modbus.query.read_file_record.reference_type", ""),
                entry("modbus.query.read_file_record.file_number", ""),
                entry("modbus.query.read_file_record.record_number", ""),
                entry("modbus.query.read_file_record.record_length", ""));
    }

    @Test
    void readFileRecordErrors() throws Exception {
        assertThat(requestError("14 07 05 0004 0001 0002"))
                .isEqualTo("Read File Record request: sub-request #1: reference type 5, expected 6");
        assertThat(requestError("14 0e 06 0004 0001 0002 06 0000 0009 0002"))
                .isEqualTo("Read File Record request: sub-request #2: file number 0 out of range 1..65535");
        assertThat(requestError("14 07 06 0004 2710 0002"))
                .isEqualTo("Read File Record request: sub-request #1: record number 10000 out of range 0..9999");
        assertThat(requestError("14 08 06 0004 0001 0002 00"))
                .isEqualTo("Read File Record request: byte count 8 is not a multiple of 7, the size of a sub-request");
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("14 00 0000 00")).isEqualTo("Read File Record request: byte count 0 but 3 bytes follow");
        assertThat(responseError("14 05 04 06 0dfe 00")).isEqualTo("Read File Record response: sub-response #1: "
                + "file response length 4 is even, expected 1 for the reference type plus 2 per register");
        assertThat(responseError("14 03 05 06 0d"))
                .isEqualTo("Read File Record response: sub-response #1: file response length 5 needs 5 bytes but 2 bytes follow");
        assertThat(fields(response("94 02")))
                .containsEntry("modbus.function_code", "Read File Record Error (0x94)")
                .containsEntry("modbus.response.read_file_record.exc_code", "Illegal Data Address (02)");
    }

    @Test
    void writeFileRecordRequestAndItsEcho() throws Exception {
        String hex = "15 0d 06 0004 0007 0003 06af 04be 100d";
        FileRecord record = new FileRecord(6, 4, 7, 3, Registers.of(0x06AF, 0x04BE, 0x100D));

        assertThat(request(hex)).isEqualTo(new WriteFileRecordRequest(13, List.of(record)));
        assertThat(fields(request(hex))).containsExactly(
                entry("modbus.function_code", "Write File Record (21)"),
                entry("modbus.query.write_file_record.request_data_length", "13"),
                entry("modbus.query.write_file_record.reference_type", "6"),
                entry("modbus.query.write_file_record.file_number", "4"),
                entry("modbus.query.write_file_record.record_number", "7"),
                entry("modbus.query.write_file_record.record_length", "3"),
                entry("modbus.query.write_file_record.record_data", "1711, 1214, 4109"));

        assertThat(response(hex)).isEqualTo(new WriteFileRecordResponse(13, List.of(record)));
        assertThat(fields(response(hex)))
                .containsEntry("modbus.response.write_file_record.resp_data_length", "13")
                .containsEntry("modbus.response.write_file_record.record_data", "1711, 1214, 4109");
    }

    @Test
    void writeFileRecordErrors() {
        assertThat(requestError("15 0b 06 0004 0007 0003 06af 04be"))
                .isEqualTo("Write File Record request: sub-request #1: record length 3 needs 6 bytes but 4 bytes follow");
        assertThat(requestError("15 03 06 0004"))
                .isEqualTo("Write File Record request: sub-request #1 needs 7 bytes but 3 bytes follow");
        assertThat(responseError("15 0d 06 0004 0007 0003 06af 04be"))
                .isEqualTo("Write File Record response: response data length 13 but 11 bytes follow");
    }

    @Test
    void readFifoQueue() throws Exception {
        assertThat(request("18 04de")).isEqualTo(new ReadFifoQueueRequest(1246));
        assertThat(fields(request("18 04de"))).containsExactly(
                entry("modbus.function_code", "Read FIFO Queue (24)"),
                entry("modbus.query.read_fifo_queue.fifo_pointer_address", "1246"));

        ModbusPdu pdu = response("18 0006 0002 01b8 1284");
        assertThat(pdu).isEqualTo(new ReadFifoQueueResponse(6, 2, Registers.of(440, 4740)));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Read FIFO Queue (24)"),
                entry("modbus.response.read_fifo_queue.byte_count", "6"),
                entry("modbus.response.read_fifo_queue.fifo_count", "2"),
                entry("modbus.response.read_fifo_queue.fifo_value_register", "440, 4740"));

        // cisagov-icsnpp-modbus/modbus_example.pcap: an empty queue
        assertThat(fields(response("18 0002 0000")))
                .containsEntry("modbus.response.read_fifo_queue.fifo_count", "0")
                .containsEntry("modbus.response.read_fifo_queue.fifo_value_register", "");
    }

    @Test
    void readFifoQueueErrors() {
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("18 0000 0000")).isEqualTo("Read FIFO Queue request: 5 bytes, expected 3");
        assertThat(responseError("18 0006 0002 01b8")).isEqualTo("Read FIFO Queue response: byte count 6 but 4 bytes follow");
        assertThat(responseError("18 0004 0002 01b8"))
                .isEqualTo("Read FIFO Queue response: byte count 4 but FIFO count 2 needs 6");
        assertThat(responseError("18 0002 0020")).isEqualTo("Read FIFO Queue response: FIFO count 32 out of range 0..31");
    }
}
