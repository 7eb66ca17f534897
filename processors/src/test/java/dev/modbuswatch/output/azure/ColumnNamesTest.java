package dev.modbuswatch.output.azure;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnNamesTest {

    private final ColumnNames columns = new ColumnNames();

    @Test
    void invalidCharactersBecomeUnderscores() {
        assertThat(columns.map(Map.of("ipv4.src", "10.0.0.1", "EventTime", "t", "9lives", "x")))
                .containsOnlyKeys("ipv4_src", "EventTime", "f_9lives");
    }

    @Test
    void collisionsAndLongNamesGetAStableHashSuffix() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("a.b", 1);
        record.put("a_b", 2);
        record.put("x".repeat(60), 3);
        Map<String, Object> mapped = columns.map(record);
        assertThat(mapped).containsEntry("a_b", 2).hasSize(3);
        assertThat(mapped.keySet()).allSatisfy(name -> assertThat(name).matches("[A-Za-z][A-Za-z0-9_]{0,44}"));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("a_b", 2);
        reversed.put("a.b", 1);
        reversed.put("x".repeat(60), 3);
        assertThat(new ColumnNames().map(reversed)).isEqualTo(mapped);
    }
}
