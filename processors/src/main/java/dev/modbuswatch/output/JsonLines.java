package dev.modbuswatch.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * JSON lines being gathered: each document followed by a newline. Records of text fields are encoded here, byte for
 * byte as Jackson's default {@code ObjectMapper} (which {@code marshal: json} uses) writes them, without a generator
 * per record; a record with a field that is not text, or text with a surrogate character (rare in a capture's
 * fields), is left to Jackson.
 */
public final class JsonLines {

    private static final ObjectWriter JACKSON = new ObjectMapper().writer();
    private static final byte[] HEX = "0123456789ABCDEF".getBytes();

    private byte[] bytes;
    private int length;

    public JsonLines(int expectedBytes) {
        bytes = new byte[Math.max(16, expectedBytes)];
    }

    public void addRecord(Map<?, ?> record) {
        int start = length;
        if (!object(record)) {
            length = start;
            addDocument(jackson(record));
            return;
        }
        put('\n');
    }

    /** A document already in JSON; an empty one adds no line. */
    public void addDocument(byte[] document) {
        if (document.length > 0) {
            ensure(document.length + 1);
            System.arraycopy(document, 0, bytes, length, document.length);
            length += document.length;
            put('\n');
        }
    }

    public int size() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** @return false, with the record half written, when a field is not plain text */
    private boolean object(Map<?, ?> record) {
        put('{');
        boolean first = true;
        for (Map.Entry<?, ?> field : record.entrySet()) {
            if (!(field.getKey() instanceof String key && field.getValue() instanceof String value)) {
                return false;
            }
            if (!first) {
                put(',');
            }
            first = false;
            if (!string(key)) {
                return false;
            }
            put(':');
            if (!string(value)) {
                return false;
            }
        }
        put('}');
        return true;
    }

    /** Plain ASCII, most of what a capture's fields hold, is copied in one pass; anything else is escaped. */
    private boolean string(String text) {
        int n = text.length();
        ensure(n + 2);
        byte[] to = bytes;
        int at = length;
        to[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return escapedString(text);
            }
            to[at++] = (byte) c;
        }
        to[at++] = '"';
        length = at;
        return true;
    }

    private boolean escapedString(String text) {
        ensure(text.length() * 6 + 2);
        byte[] to = bytes;
        int at = length;
        to[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                to[at++] = (byte) c;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                at = c >= 0x80 ? utf8(c, to, at) : escape(c, to, at);
            }
        }
        to[at++] = '"';
        length = at;
        return true;
    }

    private static int escape(char c, byte[] to, int at) {
        to[at++] = '\\';
        switch (c) {
            case '"', '\\' -> to[at++] = (byte) c;
            case '\b' -> to[at++] = 'b';
            case '\t' -> to[at++] = 't';
            case '\n' -> to[at++] = 'n';
            case '\f' -> to[at++] = 'f';
            case '\r' -> to[at++] = 'r';
            default -> {
                to[at++] = 'u';
                to[at++] = '0';
                to[at++] = '0';
                to[at++] = HEX[c >> 4];
                to[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }

    private static int utf8(char c, byte[] to, int at) {
        if (c < 0x800) {
            to[at++] = (byte) (0xC0 | c >> 6);
        } else {
            to[at++] = (byte) (0xE0 | c >> 12);
            to[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        }
        to[at++] = (byte) (0x80 | c & 0x3F);
        return at;
    }

    private void put(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private static byte[] jackson(Map<?, ?> record) {
        try {
            return JACKSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
