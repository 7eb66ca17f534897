package dev.modbuswatch.output.syslog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyslogFormattersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:30:12.123456789Z");
    private static final SyslogHeader HEADER = new SyslogHeader(new SyslogPriority(1, 4), new SyslogPriority(1, 5),
            "myhost", "modbus-watch", "4711");
    private static final String BOM = "\uFEFF";

    private static Map<String, String> alert() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("EventTime", "2026-11-22T10:30:12.000001Z");
        record.put("ipv4.src", "192.168.1.10");
        record.put("tcp.src_port", "49152");
        record.put("ipv4.dst", "192.168.1.20");
        record.put("tcp.dst_port", "502");
        record.put("modbus.trans_id", "7");
        record.put("SecurityAlert", "Bad login");
        record.put("SecurityDetails", "passphrase \"x\" [len=3] \\ done");
        return record;
    }

    private static String rfc5424(Map<String, String> record) {
        return new String(new Rfc5424Formatter(HEADER, 32473, Clock.fixed(NOW, ZoneOffset.UTC)).format(record),
                StandardCharsets.UTF_8);
    }

    private static String rfc3164(Map<String, String> record, Instant at, ZoneId zone) {
        return new String(new Rfc3164Formatter(HEADER, Clock.fixed(at, zone)).format(record), StandardCharsets.UTF_8);
    }

    @Test
    void rfc5424HeaderStructuredDataAndShortMessage() {
        assertThat(rfc5424(alert())).isEqualTo("<12>1 2026-11-22T10:30:12.123456Z myhost modbus-watch 4711 alert"
                + " [modbus@32473 EventTime=\"2026-11-22T10:30:12.000001Z\" ipv4.src=\"192.168.1.10\""
                + " tcp.src_port=\"49152\" ipv4.dst=\"192.168.1.20\" tcp.dst_port=\"502\" modbus.trans_id=\"7\""
                + " SecurityAlert=\"Bad login\" SecurityDetails=\"passphrase \\\"x\\\" [len=3\\] \\\\ done\"] "
                + BOM + "Bad login: 192.168.1.10:49152 -> 192.168.1.20:502");
    }

    @Test
    void eventsHaveTheEventSeverityAndMessageId() {
        Map<String, String> event = alert();
        event.remove("SecurityAlert");
        event.remove("SecurityDetails");
        assertThat(rfc5424(event)).startsWith("<13>1 ").contains(" 4711 event [modbus@32473 ")
                .endsWith("] " + BOM + "Modbus event: 192.168.1.10:49152 -> 192.168.1.20:502");
    }

    @Test
    void missingFieldsAreLeftOutNotWrittenAsNull() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("SecurityAlert", "Protocol anomaly");
        record.put("modbus.unit_id", null);
        record.put("ipv4.dst", "10.0.0.1");
        String message = rfc5424(record);
        assertThat(message).doesNotContain("null").doesNotContain("modbus.unit_id")
                .endsWith("[modbus@32473 SecurityAlert=\"Protocol anomaly\" ipv4.dst=\"10.0.0.1\"] "
                        + BOM + "Protocol anomaly: ? -> 10.0.0.1");
        assertThat(rfc5424(new LinkedHashMap<>())).endsWith(" event [modbus@32473] " + BOM + "Modbus event");
    }

    @Test
    void nilValuesForEmptyHeaderFields() {
        SyslogHeader empty = new SyslogHeader(new SyslogPriority(0, 0), new SyslogPriority(23, 7), "", null, " ");
        String message = new String(new Rfc5424Formatter(empty, 1, Clock.fixed(NOW, ZoneOffset.UTC))
                .format(Map.of()), StandardCharsets.UTF_8);
        assertThat(message).startsWith("<191>1 2026-11-22T10:30:12.123456Z - - - event ");
    }

    @Test
    void nonAsciiValuesStayUtf8AndHeaderFieldsStayAscii() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("SecurityAlert", "Schreibzugriff auf Zähler");
        record.put("register.name", "温度 ✓");
        SyslogHeader header = new SyslogHeader(HEADER.alertPriority(), HEADER.eventPriority(), "hôte", "app ü",
                "1");
        byte[] bytes = new Rfc5424Formatter(header, 32473, Clock.fixed(NOW, ZoneOffset.UTC)).format(record);
        String message = new String(bytes, StandardCharsets.UTF_8);
        assertThat(message).contains(" h_te app__ 1 alert ").contains("register.name=\"温度 ✓\"")
                .endsWith(BOM + "Schreibzugriff auf Zähler");
        assertThat(message.substring(0, message.indexOf('['))).matches("\\p{ASCII}*");
    }

    @Test
    void structuredDataNamesAreValid() {
        Map<String, String> names = StructuredDataNames.of(List.of("ipv4.src", "a b=c]d\"e", "ä",
                "modbus.query.write_multiple_coils.reference_num", "modbus.query.write_multiple_coils.bit_cnt",
                "modbus.response.write_multiple_registers.exc_code", "a_very_long_single_segment_without_dots_1",
                "a_very_long_single_segment_without_dots_2", "modbus.query.write_multiple_coils.starting_address", ""));
        assertThat(names.get("modbus.query.write_multiple_coils.starting_address"))
                .isEqualTo("m.query.wmc.starting_address");
        assertThat(names.get("ipv4.src")).isEqualTo("ipv4.src");
        assertThat(names.get("a b=c]d\"e")).isEqualTo("a_b_c_d_e");
        assertThat(names.get("ä")).isEqualTo("_");
        assertThat(names.get("modbus.query.write_multiple_coils.reference_num"))
                .isEqualTo("modbus.query.wmc.reference_num");
        assertThat(names.get("modbus.query.write_multiple_coils.bit_cnt"))
                .isEqualTo("modbus.query.wmc.bit_cnt");
        assertThat(names.get("modbus.response.write_multiple_registers.exc_code"))
                .isEqualTo("modbus.response.wmr.exc_code");
        assertThat(names.get("a_very_long_single_segment_without_dots_1"))
                .isEqualTo("a_very_long_single_segment_witho");
        assertThat(names.get("a_very_long_single_segment_without_dots_2"))
                .isEqualTo("a_very_long_single_segment_wit~2");
        assertThat(names.get("")).isEqualTo("_~2");
        assertThat(names.values()).allMatch(name -> name.length() <= 32 && name.matches("[!#-<>-\\\\^-~]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void rfc3164WithTagPidAndJsonMessage() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("SecurityAlert", "Bad login");
        record.put("note", "Zähler \"1\"");
        assertThat(rfc3164(record, Instant.parse("2026-11-22T10:30:12Z"), ZoneOffset.UTC))
                .isEqualTo("<12>Nov 22 10:30:12 myhost modbus-watch[4711]: {\"SecurityAlert\":\"Bad login\","
                        + "\"note\":\"Zähler \\\"1\\\"\"}");
    }

    @Test
    void rfc3164PadsTheDayWithASpaceAndUsesTheZone() {
        assertThat(rfc3164(Map.of("a", "b"), Instant.parse("2026-03-01T23:05:09Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("<13>Mar  2 00:05:09 myhost modbus-watch[4711]: {\"a\":\"b\"}");
    }

    @Test
    void rfc3164WithoutProcessIdHasNoBrackets() {
        SyslogHeader header = new SyslogHeader(HEADER.alertPriority(), HEADER.eventPriority(), "h", "a/b", "");
        assertThat(new String(new Rfc3164Formatter(header, Clock.fixed(NOW, ZoneOffset.UTC)).format(Map.of()),
                StandardCharsets.UTF_8)).isEqualTo("<13>Nov 22 10:30:12 h a_b: {}");
    }

    @Test
    void priorityFromNamesOrNumbers() {
        assertThat(new SyslogPriority(SyslogPriority.facility("local7"), SyslogPriority.severity("debug")).pri())
                .isEqualTo(191);
        assertThat(new SyslogPriority(SyslogPriority.facility("user"), SyslogPriority.severity("notice")).pri())
                .isEqualTo(13);
        assertThat(new SyslogPriority(SyslogPriority.facility("4"), SyslogPriority.severity(" WARNING ")).pri())
                .isEqualTo(36);
        assertThatThrownBy(() -> SyslogPriority.facility("local8")).hasMessageContaining("not a facility");
        assertThatThrownBy(() -> SyslogPriority.severity("8")).hasMessageContaining("0..7");
        assertThatThrownBy(() -> new SyslogPriority(24, 0)).hasMessageContaining("facility 24");
    }

    @Test
    void enterpriseNumberMustBePositive() {
        assertThatThrownBy(() -> new Rfc5424Formatter(HEADER, 0)).hasMessageContaining("enterprise number");
    }
}
