package dev.modbuswatch.output.syslog;

import java.util.List;
import java.util.Locale;

/** Facility and severity of a syslog message (RFC 5424 section 6.2.1): PRI = facility * 8 + severity. */
public record SyslogPriority(int facility, int severity) {

    public static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
            "news", "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2",
            "local3", "local4", "local5", "local6", "local7");
    public static final List<String> SEVERITIES = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info",
            "debug");

    public SyslogPriority {
        if (facility < 0 || facility >= FACILITIES.size()) {
            throw new IllegalArgumentException("facility " + facility + " is not between 0 and 23");
        }
        if (severity < 0 || severity >= SEVERITIES.size()) {
            throw new IllegalArgumentException("severity " + severity + " is not between 0 and 7");
        }
    }

    public int pri() {
        return facility * 8 + severity;
    }

    /** @return the facility's number for a name such as {@code local0} or a number 0..23 */
    public static int facility(String nameOrNumber) {
        return decode(nameOrNumber, FACILITIES, "a facility");
    }

    /** @return the severity's number for a name such as {@code warning} or a number 0..7 */
    public static int severity(String nameOrNumber) {
        return decode(nameOrNumber, SEVERITIES, "a severity");
    }

    private static int decode(String value, List<String> names, String what) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        int index = names.indexOf(text);
        if (index >= 0) {
            return index;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 0 && number < names.size()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named in the message below
        }
        throw new IllegalArgumentException("not " + what + ": one of " + String.join(", ", names) + " or 0.."
                + (names.size() - 1));
    }
}
