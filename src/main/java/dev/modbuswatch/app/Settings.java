package dev.modbuswatch.app;

import dev.modbuswatch.event.EventTimeFormat;

import java.time.DateTimeException;

/** Reads the values of settings, failing with a {@link SettingException} that names the key. */
final class Settings {

    private Settings() {
    }

    static long positiveMillis(String key, String value) {
        long millis = number(key, value, "a whole number of milliseconds");
        if (millis <= 0) {
            throw new SettingException(key, value, "must be more than 0 milliseconds");
        }
        return millis;
    }

    static int positiveCount(String key, String value) {
        long count = number(key, value, "a whole number");
        if (count <= 0 || count > Integer.MAX_VALUE) {
            throw new SettingException(key, value, "must be a whole number above 0");
        }
        return (int) count;
    }

    static int countUpTo(String key, String value, int most, String why) {
        int count = positiveCount(key, value);
        if (count > most) {
            throw new SettingException(key, value, "must be at most " + most + " (" + why + ")");
        }
        return count;
    }

    static long wholeNumber(String key, String value) {
        long number = number(key, value, "a whole number");
        if (number < 0) {
            throw new SettingException(key, value, "must be 0 or more");
        }
        return number;
    }

    static boolean flag(String key, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return Boolean.parseBoolean(trimmed);
        }
        throw new SettingException(key, value, "must be true or false");
    }

    /** A size in bytes: a whole number, optionally followed by KB, MB or GB (powers of 1024); 0 is allowed. */
    static long bytes(String key, String value) {
        String text = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}, {"K", "10"}, {"M", "20"},
                {"G", "30"}}) {
            if (text.endsWith(suffix[0])) {
                unit = 1L << Integer.parseInt(suffix[1]);
                text = text.substring(0, text.length() - suffix[0].length()).trim();
                break;
            }
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SettingException(key, value, "not a size in bytes (such as 1048576, 512KB, 256MB or 2GB)");
        }
        if (number < 0 || number > Long.MAX_VALUE / unit) {
            throw new SettingException(key, value, "must be a size from 0 up");
        }
        return number * unit;
    }

    static EventTimeFormat timeZone(String key, String value) {
        try {
            return EventTimeFormat.of(value.trim());
        } catch (DateTimeException e) {
            throw new SettingException(key, value, "not a time zone ID (such as UTC or Europe/Berlin) nor 'system'");
        }
    }

    private static long number(String key, String value, String what) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new SettingException(key, value, "not " + what);
        }
    }
}
