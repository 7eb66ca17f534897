package dev.modbuswatch.output.azure;

import java.util.List;

/** JSON objects, already written, as one JSON array. */
final class JsonArrays {

    private JsonArrays() {
    }

    static String of(List<String> objects) {
        return "[" + String.join(",", objects) + "]";
    }
}
