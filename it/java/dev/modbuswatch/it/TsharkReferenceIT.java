package dev.modbuswatch.it;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes every shared capture through the one-shot run and compares it, ADU by ADU, with tshark's decode. Where the
 * two differ, the difference must be listed, with the reason tshark is wrong, in it/tshark-differences.tsv.
 */
class TsharkReferenceIT {

    @TempDir
    Path output;

    @TestFactory
    Stream<DynamicTest> everySharedCaptureDecodesAsTsharkDoes() throws IOException {
        SharedCaptures shared = SharedCaptures.require();
        KnownDifferences known = KnownDifferences.load(
                Path.of(System.getProperty("project.basedir", ".")).resolve("it/tshark-differences.tsv"));
        return shared.captures().stream().map(capture -> DynamicTest.dynamicTest(capture, () -> {
            Path out = output.resolve(capture.replace('/', '_'));
            OneShotProcess run = OneShotProcess.run(shared.root().resolve(capture), out);
            assertThat(run.exitCode()).as("exit code; stderr:\n%s", run.stderr()).isZero();
            assertThat(run.stderr().lines().filter(line -> line.contains(" ERROR ")))
                    .as("errors logged by the pipeline").isEmpty();
            reportMatchedResponses(capture, run);

            List<AduKey> ours = run.events().stream().map(AduKey::ofEvent).toList();
            List<AduKey> theirs = Files.readAllLines(shared.tsharkReference(capture)).stream()
                    .filter(line -> !line.isBlank()).map(AduKey::ofTshark).toList();
            List<String> unexplained = new ArrayList<>();
            for (AduKey extra : minus(ours, theirs)) {
                if (!known.explains(capture, "extra", extra)) {
                    unexplained.add("extra\t" + extra);
                }
            }
            for (AduKey missing : minus(theirs, ours)) {
                if (!known.explains(capture, "missing", missing)) {
                    unexplained.add("missing\t" + missing);
                }
            }
            assertThat(known.unused(capture)).as("listed in it/tshark-differences.tsv but not seen").isEmpty();
            assertThat(unexplained).as("%s: %d ADUs ours, %d tshark's; differences not in it/tshark-differences.tsv",
                    capture, ours.size(), theirs.size()).isEmpty();
        }));
    }

    /** The share of responses the aggregator paired with a request, for the test output. */
    private static void reportMatchedResponses(String capture, OneShotProcess run) throws IOException {
        List<Map<String, String>> transactions = run.jsonLines("transactions.jsonl");
        long responses = transactions.stream().map(t -> t.get("transaction.status"))
                .filter(status -> !status.equals("timeout")).count();
        long matched = transactions.stream().map(t -> t.get("transaction.status"))
                .filter(status -> status.equals("ok") || status.equals("exception")).count();
        System.out.printf("%s: %d of %d responses matched to a request (%.1f%%), %d transactions%n", capture, matched,
                responses, responses == 0 ? 100.0 : 100.0 * matched / responses, transactions.size());
    }

    /** The ADUs of {@code a} left after taking out, one for one, those of {@code b}. */
    private static List<AduKey> minus(List<AduKey> a, List<AduKey> b) {
        Map<AduKey, Integer> counts = new HashMap<>();
        b.forEach(key -> counts.merge(key, 1, Integer::sum));
        List<AduKey> left = new ArrayList<>();
        for (AduKey key : a) {
            Integer count = counts.get(key);
            if (count == null || count == 0) {
                left.add(key);
            } else {
                counts.put(key, count - 1);
            }
        }
        return left;
    }
}
