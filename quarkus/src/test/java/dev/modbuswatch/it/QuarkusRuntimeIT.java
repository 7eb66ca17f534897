package dev.modbuswatch.it;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quarkus runtime (target/quarkus-app/quarkus-run.jar) and the camel-main runtime (target/modbus-watch.jar) write
 * the same output files, line for line, on the bundled sample and every shared capture.
 */
class QuarkusRuntimeIT {

    private static final Path SAMPLE = Path.of(System.getProperty("project.basedir", "."))
            .resolve("samples/seed-scenario.pcap");
    private static final Path QUARKUS_JAR = Path.of(System.getProperty("quarkus.jar",
            "target/quarkus-app/quarkus-run.jar"));
    private static final String QUARKUS_STARTED = "powered by Quarkus";

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> bothRuntimesWriteTheSameOutputFiles() {
        return SharedCaptures.sampleAndEveryCapture(SAMPLE, this::assertSameOutputs);
    }

    /** Runs both jars on the capture (at once) and compares what the two runs wrote. */
    private void assertSameOutputs(Path capture, String name) throws Exception {
        Path base = folder.resolve(name);
        CompletableFuture<OneShotProcess> camelMainRun = CompletableFuture.supplyAsync(() -> {
            try {
                return OneShotProcess.run(capture, base.resolve("camel-main"));
            } catch (Exception e) {
                throw new IllegalStateException("camel-main run on " + capture + " could not be run", e);
            }
        });
        OneShotProcess quarkus = OneShotProcess.run(QUARKUS_JAR, capture, base.resolve("quarkus"));
        OneShotProcess camelMain = camelMainRun.join();

        assertThat(camelMain.exitCode()).as("camel-main exit code; stderr:\n%s", camelMain.stderr()).isZero();
        assertThat(quarkus.exitCode()).as("Quarkus exit code; stderr:\n%s", quarkus.stderr()).isZero();
        assertThat(quarkus.stderr()).as("the Quarkus run runs on Quarkus").contains(QUARKUS_STARTED);
        assertThat(camelMain.stderr()).as("the camel-main run does not").doesNotContain(QUARKUS_STARTED);
        assertThat(summary(quarkus)).as("run summary of the Quarkus run").isEqualTo(summary(camelMain));

        SameOutputFiles.assertSame(camelMain, "camel-main", quarkus, "quarkus");
    }

    /** The summary lines both runtimes print on stderr, without the output path. */
    private static List<String> summary(OneShotProcess run) {
        return run.stderr().lines().filter(line -> line.startsWith("modbus-watch: ") || line.startsWith("  "))
                .map(line -> line.replace(run.output().toString(), "OUT")).toList();
    }
}
