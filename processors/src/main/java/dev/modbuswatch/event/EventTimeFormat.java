package dev.modbuswatch.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * ISO-8601 with an explicit offset and the capture's precision: six fractional digits, nine when the time has a
 * nanosecond part ({@code 2023-11-22T10:30:12.345678+00:00}, {@code 2023-11-22T10:30:12.345678901+00:00}).
 * Consecutive events mostly fall in the same second: the date, time of day and offset of the last two seconds
 * formatted (capture time and the time of receipt, in turn) are kept, and only the fraction is written per event.
 */
public final class EventTimeFormat {

    private final DateTimeFormatter secondAndOffset;
    private volatile FormattedSecond newest = new FormattedSecond(Long.MIN_VALUE, "", "");
    private volatile FormattedSecond older = newest;

    private record FormattedSecond(long epochSecond, String dateTime, String offset) {
    }

    public EventTimeFormat(ZoneId zone) {
        secondAndOffset = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral('T')
                .appendPattern("HH:mm:ss")
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
            return formatted(epochSecond, nanos);
        } catch (DateTimeException outOfRange) {
            return epochSecond + "." + String.format("%09d", nanos);
        }
    }

    public String format(Instant instant) {
        return formatted(instant.getEpochSecond(), instant.getNano());
    }

    private String formatted(long epochSecond, int nanos) {
        FormattedSecond second = newest;
        if (second.epochSecond() != epochSecond) {
            second = older;
            if (second.epochSecond() != epochSecond) {
                second = formatSecond(epochSecond);
            }
            older = newest;
            newest = second;
        }
        boolean micros = nanos % 1000 == 0;
        StringBuilder text = new StringBuilder(second.dateTime().length() + 17);
        text.append(second.dateTime()).append('.');
        appendDigits(micros ? nanos / 1000 : nanos, micros ? 6 : 9, text);
        return text.append(second.offset()).toString();
    }

    private FormattedSecond formatSecond(long epochSecond) {
        String formatted = secondAndOffset.format(Instant.ofEpochSecond(epochSecond));
        int offsetStart = formatted.length() - "+00:00".length();
        return new FormattedSecond(epochSecond, formatted.substring(0, offsetStart), formatted.substring(offsetStart));
    }

    private static void appendDigits(int value, int digits, StringBuilder text) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        text.append(number);
    }
}
