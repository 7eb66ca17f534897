package dev.modbuswatch.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real-world captures in ../shared/pcaps and tshark's decode of each. Tests that need them skip, saying why,
 * where the folder is absent. They are read in place, never copied into the project.
 */
final class SharedCaptures {

    private static final Pattern VARIANT_ROW = Pattern.compile("^\\| `(variants/[^`]+)` \\| `([^`]+)` \\|");

    private final Path root;

    private SharedCaptures(Path root) {
        this.root = root;
    }

    static SharedCaptures require() {
        Path root = Path.of(System.getProperty("shared.pcaps", "../shared/pcaps")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("tshark")),
                "shared captures not found at " + root + " (set -Dshared.pcaps=DIR); skipping the comparison with tshark");
        return new SharedCaptures(root);
    }

    /** A check of one capture, given a name for its output folder. */
    @FunctionalInterface
    interface CaptureCheck {
        void check(Path capture, String name) throws Exception;
    }

    /**
     * The check as one test on the sample and one per shared capture; where the shared captures are absent, one test
     * that skips saying so.
     */
    static Stream<DynamicTest> sampleAndEveryCapture(Path sample, CaptureCheck check) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(sample.toString(), () -> check.check(sample, "sample")));
        SharedCaptures shared;
        try {
            shared = require();
        } catch (TestAbortedException absent) {
            tests.add(DynamicTest.dynamicTest("shared captures", () -> {
                throw absent;
            }));
            return tests.stream();
        }
        for (String capture : shared.captures()) {
            tests.add(DynamicTest.dynamicTest(capture, () -> check.check(shared.root().resolve(capture),
                    capture.replace('/', '_'))));
        }
        return tests.stream();
    }

    Path root() {
        return root;
    }

    /** Every capture, originals and variants, as paths relative to the root. */
    List<String> captures() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
                    .map(f -> root.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tshark's decode of a capture; a variant is compared with the decode of the capture it was made from. */
    Path tsharkReference(String capture) {
        return root.resolve("tshark").resolve(variantOrigins().getOrDefault(capture, capture) + ".tsv");
    }

    /** From the table at the end of SOURCES.md: variant file -> the original it was re-encoded from. */
    private Map<String, String> variantOrigins() {
        Map<String, String> origins = new HashMap<>();
        try {
            for (String line : Files.readAllLines(root.resolve("SOURCES.md"))) {
                Matcher row = VARIANT_ROW.matcher(line);
                if (row.find()) {
                    origins.put(row.group(1), row.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return origins;
    }
}
