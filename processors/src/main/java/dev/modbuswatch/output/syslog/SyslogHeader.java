package dev.modbuswatch.output.syslog;

import java.util.Map;

/**
 * What both formats put before the message: priority by kind of record, host name, app name (RFC 3164's TAG) and
 * process ID.
 */
public record SyslogHeader(SyslogPriority alertPriority, SyslogPriority eventPriority, String hostname,
                           String appName, String procId) {

    public SyslogPriority priority(Map<String, String> record) {
        return SyslogFormatter.isAlert(record) ? alertPriority : eventPriority;
    }

    /** Printable US-ASCII without spaces, at most {@code max} characters, or "-" (RFC 5424's NILVALUE) when empty. */
    static String token(String value, int max) {
        StringBuilder token = new StringBuilder();
        String trimmed = value == null ? "" : value.trim();
        for (int i = 0; i < trimmed.length() && token.length() < max; i++) {
            char c = trimmed.charAt(i);
            token.append(c > 32 && c < 127 ? c : '_');
        }
        return token.length() == 0 ? "-" : token.toString();
    }
}
