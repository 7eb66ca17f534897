package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsers of what the syslog output writes, for checking what rsyslog received, byte for byte. */
final class SyslogMessages {

    /** An RFC 5424 message with one SD-ELEMENT. */
    record Rfc5424(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
                   String sdId, Map<String, String> params, String msg) {
    }

    /** An RFC 3164 message whose MSG is a JSON object. */
    record Rfc3164(int pri, String timestamp, String hostname, String tag, String pid, Map<String, String> json) {
    }

    private static final String NAME = "[!-~&&[^= \\]\"]]{1,%d}";
    private static final Pattern HEADER_5424 = Pattern.compile("<(\\d{1,3})>1 "
            + "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})?(?:Z|[+-]\\d\\d:\\d\\d)) "
            + "(" + NAME.formatted(255) + ") (" + NAME.formatted(48) + ") (" + NAME.formatted(128) + ") ("
            + NAME.formatted(32) + ") ");
    private static final Pattern MESSAGE_3164 = Pattern.compile(
            "<(\\d{1,3})>((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\\d \\d\\d:\\d\\d:\\d\\d) "
                    + "([!-~]+) ([A-Za-z0-9_.-]{1,32})\\[(\\d+)\\]: (\\{.*\\})");
    private static final Pattern SD_NAME = Pattern.compile(NAME.formatted(32));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyslogMessages() {
    }

    static Rfc5424 rfc5424(String text) {
        Matcher header = HEADER_5424.matcher(text);
        if (!header.lookingAt()) {
            throw new AssertionError("not an RFC 5424 header: " + text);
        }
        int at = header.end();
        if (text.charAt(at) != '[') {
            throw new AssertionError("no SD-ELEMENT at " + at + ": " + text);
        }
        int space = text.indexOf(' ', at);
        int close = text.indexOf(']', at);
        int idEnd = space < 0 || close < space ? close : space;
        String sdId = text.substring(at + 1, idEnd);
        Map<String, String> params = new LinkedHashMap<>();
        at = idEnd;
        while (text.charAt(at) == ' ') {
            int equals = text.indexOf('=', at);
            String name = text.substring(at + 1, equals);
            if (!SD_NAME.matcher(name).matches()) {
                throw new AssertionError("invalid SD-PARAM name '" + name + "': " + text);
            }
            if (text.charAt(equals + 1) != '"') {
                throw new AssertionError("SD-PARAM value not quoted after " + name + ": " + text);
            }
            StringBuilder value = new StringBuilder();
            at = equals + 2;
            while (text.charAt(at) != '"') {
                char c = text.charAt(at);
                if (c == ']') {
                    throw new AssertionError("unescaped ']' in the value of " + name + ": " + text);
                }
                if (c == '\\' && "\"\\]".indexOf(text.charAt(at + 1)) >= 0) {
                    c = text.charAt(++at);
                }
                value.append(c);
                at++;
            }
            if (params.put(name, value.toString()) != null) {
                throw new AssertionError("SD-PARAM " + name + " twice: " + text);
            }
            at++;
        }
        if (text.charAt(at) != ']') {
            throw new AssertionError("SD-ELEMENT not closed at " + at + ": " + text);
        }
        String rest = text.substring(at + 1);
        if (!rest.startsWith(" \uFEFF")) {
            throw new AssertionError("MSG does not start with SP and a UTF-8 BOM: " + text);
        }
        return new Rfc5424(Integer.parseInt(header.group(1)), header.group(2), header.group(3), header.group(4),
                header.group(5), header.group(6), sdId, params, rest.substring(2));
    }

    @SuppressWarnings("unchecked")
    static Rfc3164 rfc3164(String text) throws Exception {
        Matcher message = MESSAGE_3164.matcher(text);
        if (!message.matches()) {
            throw new AssertionError("not an RFC 3164 message with TAG[PID] and JSON: " + text);
        }
        return new Rfc3164(Integer.parseInt(message.group(1)), message.group(2), message.group(3), message.group(4),
                message.group(5), JSON.readValue(message.group(6), Map.class));
    }
}
