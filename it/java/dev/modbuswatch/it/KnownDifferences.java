package dev.modbuswatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The allow-list of differences from tshark: lines of {@code capture, extra|missing, ADU key columns..., reason},
 * tab-separated; '#' starts a comment. Only for cases where tshark itself is wrong, each with its reason.
 */
final class KnownDifferences {

    private final Map<String, Integer> remaining = new HashMap<>();

    static KnownDifferences load(Path file) throws IOException {
        KnownDifferences known = new KnownDifferences();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 12 || cells[11].isBlank()) {
                throw new IllegalArgumentException(file + ": every line needs 12 columns, the last a reason: " + line);
            }
            known.remaining.merge(key(cells[0], cells[1], String.join("\t", java.util.Arrays.copyOfRange(cells, 2, 11))),
                    1, Integer::sum);
        }
        return known;
    }

    boolean explains(String capture, String kind, AduKey adu) {
        String key = key(capture, kind, adu.toString());
        Integer count = remaining.get(key);
        if (count == null || count == 0) {
            return false;
        }
        remaining.put(key, count - 1);
        return true;
    }

    /** Listed differences of this capture that did not occur: the list is out of date. */
    java.util.List<String> unused(String capture) {
        return remaining.entrySet().stream().filter(e -> e.getKey().startsWith(capture + "\t") && e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
    }

    private static String key(String capture, String kind, String adu) {
        return capture + "\t" + kind + "\t" + adu;
    }
}
