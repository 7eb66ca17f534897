package dev.modbuswatch.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written JSON lines are Jackson's, byte for byte: every escape, multi-byte UTF-8, what is left to Jackson. */
class JsonLinesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void everyCharacterOfTheBasicPlaneIsWrittenAsJacksonWritesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            all.append(c);
        }
        for (char c = 0xE000; c != 0; c++) {
            all.append(c);
        }
        Map<String, String> record = new LinkedHashMap<>();
        record.put("all", all.toString());
        record.put("quote\"and\\backslash", "tab\tnewline\nnul\u0000del\u007f");
        record.put("empty", "");
        assertSameAsJackson(record);
    }

    @Test
    void recordsThatAreNotPlainTextAreLeftToJackson() throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("count", 3);
        record.put("emoji", "\uD83D\uDE00 and a lone \uD800");
        assertSameAsJackson(record);
        assertSameAsJackson(Map.of("surrogates", "\uD83D\uDE00"));
        assertSameAsJackson(Map.of("lone surrogate after text", "a\uD800"));
    }

    @Test
    void anEventRecordIsOneLineOfJson() throws Exception {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("EventTime", "2025-11-22T08:27:40.003000+00:00");
        event.put("modbus.function_code", "Write Multiple Registers (16)");
        event.put("SecurityDetails", "passphrase \"written\" at 31");
        assertSameAsJackson(event);
    }

    @Test
    void documentsAreCopiedAndEmptyOnesAddNoLine() {
        JsonLines lines = new JsonLines(4);
        lines.addDocument("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        lines.addDocument(new byte[0]);
        lines.addDocument("[]".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(lines.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n[]\n");
    }

    private static void assertSameAsJackson(Map<?, ?> record) throws Exception {
        JsonLines lines = new JsonLines(16);
        lines.addRecord(record);
        lines.addRecord(record);
        byte[] line = JACKSON.writeValueAsBytes(record);
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.write(line);
        twice.write('\n');
        twice.write(line);
        twice.write('\n');
        assertThat(lines.toByteArray()).isEqualTo(twice.toByteArray());
    }
}
