package dev.modbuswatch.output.syslog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SD-PARAM names for record field names (RFC 5424 section 6.3.3: 1 to 32 printable US-ASCII characters except
 * {@code = ] "} and space). Field names such as {@code ipv4.src} or {@code modbus.trans_id} are valid as they are;
 * any other character becomes {@code _}. In a longer name the segments between dots other than the last are shortened
 * to the initials of their words, longest segment first, until it fits
 * ({@code modbus.query.write_multiple_coils.reference_num} -> {@code modbus.query.wmc.reference_num}); what still does
 * not fit is cut to 32 characters, and a name that then repeats one already used gets {@code ~2}, {@code ~3}... in
 * its last characters.
 */
final class StructuredDataNames {

    static final int MAX_LENGTH = 32;

    private StructuredDataNames() {
    }

    /** @return field name to SD-PARAM name, in the record's order */
    static Map<String, String> of(Iterable<String> fieldNames) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String field : fieldNames) {
            String name = valid(field);
            for (int n = 2; !used.add(name); n++) {
                String suffix = "~" + n;
                String base = valid(field);
                name = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
            }
            names.put(field, name);
        }
        return names;
    }

    static String valid(String field) {
        StringBuilder name = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean allowed = c > 32 && c < 127 && c != '=' && c != ']' && c != '"';
            name.append(allowed ? c : '_');
        }
        String shortened = shortened(name.toString());
        return shortened.isEmpty() ? "_" : shortened.substring(0, Math.min(shortened.length(), MAX_LENGTH));
    }

    private static String shortened(String name) {
        String[] segments = name.split("\\.", -1);
        while (String.join(".", segments).length() > MAX_LENGTH) {
            int longest = -1;
            for (int i = 0; i < segments.length - 1; i++) {
                if (initials(segments[i]).length() < segments[i].length()
                        && (longest < 0 || segments[i].length() > segments[longest].length())) {
                    longest = i;
                }
            }
            if (longest < 0) {
                break;
            }
            segments[longest] = initials(segments[longest]);
        }
        return String.join(".", segments);
    }

    /** {@code write_multiple_coils} -> {@code wmc} */
    private static String initials(String segment) {
        StringBuilder initials = new StringBuilder();
        for (String word : segment.split("_")) {
            if (!word.isEmpty()) {
                initials.append(word.charAt(0));
            }
        }
        return initials.length() == 0 ? segment : initials.toString();
    }
}
