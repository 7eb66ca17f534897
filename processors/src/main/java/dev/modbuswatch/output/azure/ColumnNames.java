package dev.modbuswatch.output.azure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names as Logs Ingestion API column names (letters, digits and underscores, starting with a letter, at most 45
 * characters), documented in processors/FIELDS.md: every other character becomes {@code _} ({@code ipv4.src} ->
 * {@code ipv4_src}), a name starting with a digit or underscore gets the prefix {@code f_}. A name that is too long,
 * or that would equal the column of another field of the same record, keeps its first 36 characters and gets
 * {@code _} and 8 hex digits of the SHA-256 of the original name: the same field always gets the same column.
 */
public final class ColumnNames {

    static final int MAX_LENGTH = 45;
    private static final int HASH_DIGITS = 8;

    private final Map<String, String> cleaned = new ConcurrentHashMap<>();

    /** The record with its names mapped; a field whose name is already valid keeps it and wins a collision. */
    public Map<String, Object> map(Map<String, ?> record) {
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<String, String> byColumn = new TreeMap<>();
        for (String name : record.keySet()) {
            if (clean(name).equals(name)) {
                byColumn.put(name, name);
            }
        }
        for (String name : new TreeMap<>(record).keySet()) {
            String column = clean(name);
            if (!column.equals(name)) {
                byColumn.put(byColumn.containsKey(column) ? hashed(name) : column, name);
            }
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        byColumn.forEach((column, name) -> columnOf.put(name, column));
        record.forEach((name, value) -> columns.put(columnOf.get(name), value));
        return columns;
    }

    String clean(String name) {
        return cleaned.computeIfAbsent(name, ColumnNames::cleanName);
    }

    private static String cleanName(String name) {
        String column = validCharacters(name);
        return column.length() > MAX_LENGTH ? hashed(name) : column;
    }

    private static String hashed(String name) {
        String column = validCharacters(name);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
            int keep = Math.min(column.length(), MAX_LENGTH - HASH_DIGITS - 1);
            return column.substring(0, keep) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String validCharacters(String name) {
        StringBuilder column = new StringBuilder(name.length() + 2);
        for (char c : name.toCharArray()) {
            column.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        if (column.length() == 0 || !Character.isLetter(column.charAt(0))) {
            column.insert(0, "f_");
        }
        return column.toString();
    }
}
