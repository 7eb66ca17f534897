package dev.modbuswatch.output.file;

import java.time.Instant;

/**
 * How often a file is rotated by time: {@code daily} (at 00:00 UTC), {@code hourly}, {@code none}, or {@code <N>s}
 * (every N seconds, for tests). Periods start at multiples of their length since the epoch, so a daily file spans
 * midnight to midnight UTC.
 */
public record RotationInterval(String name, long seconds) {

    public static final RotationInterval NONE = new RotationInterval("none", 0);

    /** @throws IllegalArgumentException naming the accepted values */
    public static RotationInterval parse(String value) {
        String text = value == null ? "" : value.trim();
        switch (text) {
            case "daily" -> {
                return new RotationInterval(text, 86_400);
            }
            case "hourly" -> {
                return new RotationInterval(text, 3_600);
            }
            case "none" -> {
                return NONE;
            }
            default -> {
                if (text.matches("[0-9]{1,9}s") && Long.parseLong(text.substring(0, text.length() - 1)) > 0) {
                    return new RotationInterval(text, Long.parseLong(text.substring(0, text.length() - 1)));
                }
                throw new IllegalArgumentException("must be daily, hourly, none or a number of seconds such as 30s");
            }
        }
    }

    public boolean rotates() {
        return seconds > 0;
    }

    /** The start of the period that holds {@code time}; {@code time} itself without rotation by time. */
    public Instant periodStart(Instant time) {
        return rotates() ? Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), seconds) * seconds) : time;
    }

    /** The end of the period that holds {@code time}; never without rotation by time. */
    public Instant periodEnd(Instant time) {
        return rotates() ? periodStart(time).plusSeconds(seconds) : Instant.MAX;
    }
}
