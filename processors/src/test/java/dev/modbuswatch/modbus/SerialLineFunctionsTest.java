package dev.modbuswatch.modbus;

import static dev.modbuswatch.modbus.Pdus.fields;
import static dev.modbuswatch.modbus.Pdus.request;
import static dev.modbuswatch.modbus.Pdus.requestError;
import static dev.modbuswatch.modbus.Pdus.response;
import static dev.modbuswatch.modbus.Pdus.responseError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Functions 7, 8, 11, 12 and 17, meant for serial lines but seen on Modbus/TCP too. */
class SerialLineFunctionsTest {

    @Test
    void readExceptionStatus() throws Exception {
        assertThat(request("07")).isEqualTo(new ReadExceptionStatusRequest());
        assertThat(fields(request("07"))).containsExactly(entry("modbus.function_code", "Read Exception Status (07)"));

        // ITI modbus_test_data_part2.pcap
        assertThat(response("07 15")).isEqualTo(new ReadExceptionStatusResponse(0x15));
        assertThat(fields(response("07 15"))).containsExactly(
                entry("modbus.function_code", "Read Exception Status (07)"),
                entry("modbus.response.read_exception_status.output_data", "21"));

        assertThat(fields(response("87 01"))).containsExactly(
                entry("modbus.function_code", "Read Exception Status Error (0x87)"),
                entry("modbus.response.read_exception_status.exc_code", "Illegal Function (01)"));

        assertThat(requestError("07 00")).isEqualTo("Read Exception Status request: 2 bytes, expected 1");
        assertThat(responseError("07")).isEqualTo("Read Exception Status response: 1 byte, expected 2");
    }

    @Test
    void diagnosticsForceListenOnlyMode() throws Exception {
        // ITI modbus_test_data_part1.pcap
        DiagnosticsRequest pdu = (DiagnosticsRequest) request("08 0004 0000");

        assertThat(pdu).isEqualTo(new DiagnosticsRequest(4, Bytes.ofHex("0000")));
        assertThat(pdu.subFunctionName()).isEqualTo("Force Listen Only Mode");
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Diagnostics (08)"),
                entry("modbus.query.diagnostics.sub_function", "Force Listen Only Mode (04)"),
                entry("modbus.query.diagnostics.data", "0000"));
    }

    @Test
    void diagnosticsRestartCommunicationsResponse() throws Exception {
        DiagnosticsResponse pdu = (DiagnosticsResponse) response("08 0001 ff00");

        assertThat(pdu.subFunction()).isEqualTo(1);
        assertThat(pdu.subFunctionName()).isEqualTo("Restart Communications Option");
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Diagnostics (08)"),
                entry("modbus.response.diagnostics.sub_function", "Restart Communications Option (01)"),
                entry("modbus.response.diagnostics.data", "ff00"));
    }

    @Test
    void diagnosticsReturnQueryDataEchoesAnyLength() throws Exception {
        assertThat(request("08 0000 a5 37 01")).isEqualTo(new DiagnosticsRequest(0, Bytes.ofHex("a53701")));
        assertThat(fields(response("08 0000 a537"))).containsExactly(
                entry("modbus.function_code", "Diagnostics (08)"),
                entry("modbus.response.diagnostics.sub_function", "Return Query Data (00)"),
                entry("modbus.response.diagnostics.data", "a537"));
    }

    @Test
    void diagnosticsSubFunctionsAreNamed() throws Exception {
        assertThat(((DiagnosticsRequest) request("08 0002 0000")).subFunctionName())
                .isEqualTo("Return Diagnostic Register");
        assertThat(fields(request("08 000a 0000")))
                .containsEntry("modbus.query.diagnostics.sub_function", "Clear Counters and Diagnostic Register (10)");
        assertThat(fields(response("08 000e 0123")))
                .containsEntry("modbus.response.diagnostics.sub_function", "Return Server Message Count (14)")
                .containsEntry("modbus.response.diagnostics.data", "0123");
        assertThat(fields(request("08 0014 0000")))
                .containsEntry("modbus.query.diagnostics.sub_function", "Clear Overrun Counter and Flag (20)");
        assertThat(DiagnosticSubFunctions.name(18)).isEqualTo("Return Bus Character Overrun Count");
    }

    @Test
    void reservedDiagnosticsSubFunctionsKeepTheirData() throws Exception {
        DiagnosticsRequest pdu = (DiagnosticsRequest) request("08 0013 01");

        assertThat(pdu.data()).isEqualTo(Bytes.ofHex("01"));
        assertThat(pdu.subFunctionName()).isEqualTo("Reserved");
        assertThat(fields(pdu)).containsEntry("modbus.query.diagnostics.sub_function", "Reserved (19)");
        assertThat(fields(request("08 ffff"))).containsEntry("modbus.query.diagnostics.sub_function", "Reserved (65535)");
    }

    @Test
    void diagnosticsErrors() throws Exception {
        assertThat(requestError("08 00")).isEqualTo("Diagnostics request: 2 bytes, expected at least 3");
        assertThat(requestError("08 0001 00"))
                .isEqualTo("Diagnostics request: sub-function Restart Communications Option (01) needs 2 data bytes, got 1");
        assertThat(responseError("08 000b 0000 00"))
                .isEqualTo("Diagnostics response: sub-function Return Bus Message Count (11) needs 2 data bytes, got 3");
        // ITI modbus_test_data_part1.pcap
        assertThat(fields(response("88 0b"))).containsExactly(
                entry("modbus.function_code", "Diagnostics Error (0x88)"),
                entry("modbus.response.diagnostics.exc_code", "Gateway Target Device Failed to Respond (11)"));
    }

    @Test
    void getCommEventCounter() throws Exception {
        assertThat(request("0b")).isEqualTo(new GetCommEventCounterRequest());
        assertThat(response("0b ffff 0108")).isEqualTo(new GetCommEventCounterResponse(0xFFFF, 0x108));
        assertThat(fields(response("0b ffff 0108"))).containsExactly(
                entry("modbus.function_code", "Get Comm Event Counter (11)"),
                entry("modbus.response.get_comm_event_counter.status", "65535"),
                entry("modbus.response.get_comm_event_counter.event_count", "264"));
        assertThat(fields(response("8b 04")))
                .containsEntry("modbus.function_code", "Get Comm Event Counter Error (0x8B)")
                .containsEntry("modbus.response.get_comm_event_counter.exc_code", "Server Device Failure (04)");
        // ITI modbus_test_data_part2.pcap
        assertThat(requestError("0b 0000 0000")).isEqualTo("Get Comm Event Counter request: 5 bytes, expected 1");
        assertThat(responseError("0b ffff")).isEqualTo("Get Comm Event Counter response: 3 bytes, expected 5");
    }

    @Test
    void getCommEventLog() throws Exception {
        assertThat(request("0c")).isEqualTo(new GetCommEventLogRequest());

        ModbusPdu pdu = response("0c 08 0000 0108 0121 2000");
        assertThat(pdu).isEqualTo(new GetCommEventLogResponse(8, 0, 264, 289, Bytes.ofHex("2000")));
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Get Comm Event Log (12)"),
                entry("modbus.response.get_comm_event_log.byte_count", "8"),
                entry("modbus.response.get_comm_event_log.status", "0"),
                entry("modbus.response.get_comm_event_log.event_count", "264"),
                entry("modbus.response.get_comm_event_log.message_count", "289"),
                entry("modbus.response.get_comm_event_log.events", "2000"));

        assertThat(responseError("0c 05 0000 0108 0121"))
                .isEqualTo("Get Comm Event Log response: byte count 5 out of range 6..70");
        assertThat(responseError("0c 08 0000 0108 0121 20"))
                .isEqualTo("Get Comm Event Log response: byte count 8 but 7 bytes follow");
        assertThat(responseError("0c 06 0000"))
                .isEqualTo("Get Comm Event Log response: 4 bytes, expected at least 8");
    }

    @Test
    void reportServerId() throws Exception {
        assertThat(request("11")).isEqualTo(new ReportServerIdRequest());

        // ITI modbus_test_data_part1.pcap: server ID 0x00, run indicator 0xFF, "Wingpath Limited"
        ReportServerIdResponse pdu = (ReportServerIdResponse) response("11 12 00 ff 57696e6770617468204c696d69746564");
        assertThat(pdu.byteCount()).isEqualTo(18);
        assertThat(pdu.data().get(1)).isEqualTo(0xFF);
        assertThat(pdu.data().toText()).endsWith("Wingpath Limited");
        assertThat(fields(pdu)).containsExactly(
                entry("modbus.function_code", "Report Server ID (17)"),
                entry("modbus.response.report_server_id.byte_count", "18"),
                entry("modbus.response.report_server_id.data", "00ff57696e6770617468204c696d69746564"));

        assertThat(requestError("11 0000 0000")).isEqualTo("Report Server ID request: 5 bytes, expected 1");
        assertThat(responseError("11 05 00ff")).isEqualTo("Report Server ID response: byte count 5 but 2 bytes follow");
        assertThat(fields(response("91 01")))
                .containsEntry("modbus.function_code", "Report Server ID Error (0x91)")
                .containsEntry("modbus.response.report_server_id.exc_code", "Illegal Function (01)");
    }
}
