package dev.modbuswatch.output.syslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 3164 (BSD syslog) with the JSON record as the message, as the structured-logging seed writes it:
 * {@code <13>Nov 22 10:30:12 myhost modbus-watch[4711]: {...}}. The day is padded with a space, the time is local time
 * in the given zone, the TAG is the app name (at most 32 characters) followed by the process ID.
 */
public final class Rfc3164Formatter implements SyslogFormatter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TAG = 32;

    private final SyslogHeader header;
    private final DateTimeFormatter timestamp;
    private final Clock clock;

    public Rfc3164Formatter(SyslogHeader header, ZoneId zone) {
        this(header, Clock.system(zone));
    }

    Rfc3164Formatter(SyslogHeader header, Clock clock) {
        this.header = header;
        this.timestamp = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(clock.getZone());
        this.clock = clock;
    }

    @Override
    public byte[] format(Map<String, String> record) {
        String procId = SyslogHeader.token(header.procId(), 128);
        String text = "<" + header.priority(record).pri() + ">" + timestamp.format(clock.instant()) + " "
                + SyslogHeader.token(header.hostname(), 255) + " " + tag()
                + ("-".equals(procId) ? "" : "[" + procId + "]") + ": " + json(record);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 3164 section 4.1.3: the TAG is alphanumeric, at most 32 characters. */
    private String tag() {
        StringBuilder tag = new StringBuilder();
        String appName = header.appName() == null ? "" : header.appName();
        for (int i = 0; i < appName.length() && tag.length() < MAX_TAG; i++) {
            char c = appName.charAt(i);
            tag.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? c : '_');
        }
        return tag.length() == 0 ? "modbus-watch" : tag.toString();
    }

    private static String json(Map<String, String> record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings did not serialize to JSON", e);
        }
    }
}
