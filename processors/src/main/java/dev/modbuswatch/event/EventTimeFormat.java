package dev.modbuswatch.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * ISO-8601 with an explicit offset and the capture's precision: six fractional digits, nine when the time has a
 * nanosecond part ({@code 2023-11-22T10:30:12.345678+00:00}, {@code 2023-11-22T10:30:12.345678901+00:00}).
 */
public final class EventTimeFormat {

    private final DateTimeFormatter microseconds;
    private final DateTimeFormatter nanoseconds;

    public EventTimeFormat(ZoneId zone) {
        microseconds = formatter(zone, 6);
        nanoseconds = formatter(zone, 9);
    }

    private static DateTimeFormatter formatter(ZoneId zone, int fractionDigits) {
        return new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral('T')
                .appendPattern("HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits, true)
                .appendOffset("+HH:MM", "+00:00")
                .toFormatter()
                .withZone(zone);
    }

    /** @param zone a zone ID, or {@code system} for this machine's zone */
    public static EventTimeFormat of(String zone) {
        return new EventTimeFormat("system".equalsIgnoreCase(zone) ? ZoneId.systemDefault() : ZoneId.of(zone));
    }

    /**
     * A capture time outside what ISO-8601 dates can hold (a corrupt or hostile time stamp) is written as seconds since
     * the epoch instead, so the event is not lost: {@code 4611686018427387904.000000000}.
     */
    public String format(long epochSecond, int nanos) {
        try {
            return format(Instant.ofEpochSecond(epochSecond, nanos));
        } catch (DateTimeException outOfRange) {
            return epochSecond + "." + String.format("%09d", nanos);
        }
    }

    public String format(Instant instant) {
        return (instant.getNano() % 1000 == 0 ? microseconds : nanoseconds).format(instant);
    }
}
