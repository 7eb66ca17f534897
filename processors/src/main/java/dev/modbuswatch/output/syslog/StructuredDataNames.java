package dev.modbuswatch.output.syslog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SD-PARAM names for record field names (RFC 5424 section 6.3.3: 1 to 32 printable US-ASCII characters except
 * {@code = ] "} and space). Field names such as {@code ipv4.src} or {@code modbus.trans_id} are valid as they are;
 * any other character becomes {@code _}, a longer name is cut to 32 characters, and a name that then repeats one
 * already used gets {@code ~2}, {@code ~3}... in its last characters.
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
        StringBuilder name = new StringBuilder(Math.min(field.length(), MAX_LENGTH));
        for (int i = 0; i < field.length() && name.length() < MAX_LENGTH; i++) {
            char c = field.charAt(i);
            boolean allowed = c > 32 && c < 127 && c != '=' && c != ']' && c != '"';
            name.append(allowed ? c : '_');
        }
        return name.length() == 0 ? "_" : name.toString();
    }
}
