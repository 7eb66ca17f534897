package dev.modbuswatch.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secret values of this process (keys, client secrets, tokens), so that the log can blank them out wherever they
 * appear, whoever logs them: Camel prints resolved property values at DEBUG without masking. Values are registered as
 * soon as they are known; {@link #redact} replaces each, and the value of any Authorization header, with {@link #MASK}.
 */
public final class KnownSecrets {

    public static final String MASK = "xxxxxx";
    /** Shorter values would blank out ordinary words and numbers. */
    private static final int SHORTEST = 4;
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)([^\\s,;\"'}\\]]+(?: [^\\s,;\"'}\\]]+)?)");
    private static final CopyOnWriteArraySet<String> VALUES = new CopyOnWriteArraySet<>();
    /** Longest first, so a secret that contains another is blanked whole. */
    private static volatile List<String> longestFirst = List.of();

    private KnownSecrets() {
    }

    /** Registers a secret value, and its URL-encoded form (it travels in form bodies). */
    public static void register(String value) {
        if (value == null || value.isBlank() || value.length() < SHORTEST) {
            return;
        }
        boolean added = VALUES.add(value) | VALUES.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        if (added) {
            longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /** The text with every registered secret and every Authorization header value replaced by {@link #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : longestFirst) {
            if (redacted.contains(secret)) {
                redacted = redacted.replace(secret, MASK);
            }
        }
        Matcher header = AUTHORIZATION.matcher(redacted);
        return header.find() ? header.replaceAll("$1" + MASK) : redacted;
    }

    /** For tests: the values registered so far. */
    static Stream<String> values() {
        return VALUES.stream();
    }
}
