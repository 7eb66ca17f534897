package dev.modbuswatch.output.syslog;

import dev.modbuswatch.detect.Alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [modbus@PEN field="value" ...] MSG}. Every field of
 * the record with a value is an SD-PARAM (names as {@link StructuredDataNames} maps them; a field without a value is
 * left out, never written as {@code null}); values escape {@code " \ ]} with a backslash. MSGID is {@code alert} or
 * {@code event}; MSG, UTF-8 with a BOM, is short: the alert name (or "Modbus event") and the connection.
 */
public final class Rfc5424Formatter implements SyslogFormatter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX")
            .withZone(ZoneOffset.UTC);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SyslogHeader header;
    private final String sdId;
    private final Clock clock;

    public Rfc5424Formatter(SyslogHeader header, int enterpriseNumber) {
        this(header, enterpriseNumber, Clock.systemUTC());
    }

    Rfc5424Formatter(SyslogHeader header, int enterpriseNumber, Clock clock) {
        if (enterpriseNumber <= 0) {
            throw new IllegalArgumentException("a private enterprise number is a whole number above 0");
        }
        this.header = header;
        this.sdId = "modbus@" + enterpriseNumber;
        this.clock = clock;
    }

    @Override
    public byte[] format(Map<String, String> record) {
        boolean alert = SyslogFormatter.isAlert(record);
        StringBuilder text = new StringBuilder(512)
                .append('<').append(header.priority(record).pri()).append(">1 ")
                .append(TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.MICROS))).append(' ')
                .append(SyslogHeader.token(header.hostname(), 255)).append(' ')
                .append(SyslogHeader.token(header.appName(), 48)).append(' ')
                .append(SyslogHeader.token(header.procId(), 128)).append(' ')
                .append(alert ? "alert" : "event").append(' ');
        structuredData(record, text);
        byte[] head = text.append(' ').toString().getBytes(StandardCharsets.UTF_8);
        byte[] message = message(record, alert).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + BOM.length + message.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(BOM, 0, bytes, head.length, BOM.length);
        System.arraycopy(message, 0, bytes, head.length + BOM.length, message.length);
        return bytes;
    }

    private void structuredData(Map<String, String> record, StringBuilder text) {
        text.append('[').append(sdId);
        StructuredDataNames.of(record.keySet()).forEach((field, name) -> {
            String value = record.get(field);
            if (value != null) {
                text.append(' ').append(name).append("=\"");
                escape(value, text);
                text.append('"');
            }
        });
        text.append(']');
    }

    /** RFC 5424 section 6.3.3: '"', '\' and ']' are escaped with a backslash. */
    static void escape(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                text.append('\\');
            }
            text.append(c);
        }
    }

    static String message(Map<String, String> record, boolean alert) {
        StringBuilder message = new StringBuilder(alert ? record.get(Alert.ALERT_FIELD) : "Modbus event");
        String client = endpoint(record, "ipv4.src", "tcp.src_port");
        String server = endpoint(record, "ipv4.dst", "tcp.dst_port");
        if (client != null || server != null) {
            message.append(": ").append(client == null ? "?" : client).append(" -> ")
                    .append(server == null ? "?" : server);
        }
        return message.toString();
    }

    private static String endpoint(Map<String, String> record, String address, String port) {
        String host = record.get(address);
        if (host == null) {
            host = record.get(address.replace("ipv4", "ipv6"));
        }
        if (host == null) {
            return null;
        }
        String portNumber = record.get(port);
        return portNumber == null ? host : host + ":" + portNumber;
    }
}
