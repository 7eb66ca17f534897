package dev.modbuswatch.it;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline in the YAML DSL (routes/modbus-events.yaml) and in the Java DSL (ModbusPipelineRoutes, chosen with
 * modbus.routes.dsl=java) write the same output files, line for line, on the bundled sample and every shared capture.
 */
class DslEquivalenceIT {

    private static final Path SAMPLE = Path.of(System.getProperty("project.basedir", "."))
            .resolve("samples/seed-scenario.pcap");
    private static final String JAVA_DSL = "-Dmodbus.routes.dsl=java";
    private static final String JAVA_DSL_LOGGED = "Routes: the Java DSL";
    /** A log line at a level that reports no problem (Camel's "is starting", ours). */
    private static final Pattern INFO_LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO) ");
    
    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> bothDslsWriteTheSameOutputFiles() {
        return SharedCaptures.sampleAndEveryCapture(SAMPLE, this::assertSameOutputs);
    }

    @Test
    void unknownDslFailsAtStartupWithOneLineNamingTheSetting() throws Exception {
        Path out = folder.resolve("cobol");

        OneShotProcess run = OneShotProcess.run(SAMPLE, out, "-Dmodbus.routes.dsl=cobol");

        assertThat(run.exitCode()).as("exit code; stderr:\n%s", run.stderr()).isNotZero();
        assertThat(run.stderr().lines().filter(line -> !INFO_LOG_LINE.matcher(line).find()))
                .as("stderr apart from informational log lines").singleElement().asString()
                .startsWith("modbus-watch: ").contains("modbus.routes.dsl", "'cobol'", "yaml", "java");
        for (String file : SameOutputFiles.OUTPUT_FILES) {
            assertThat(out.resolve(file)).doesNotExist();
        }
    }

    /** Runs the jar on the capture with each DSL (both at once) and compares what the two runs wrote. */
    private void assertSameOutputs(Path capture, String name) throws Exception {
        Path base = folder.resolve(name);
        CompletableFuture<OneShotProcess> yamlRun = CompletableFuture.supplyAsync(
                () -> run(capture, base.resolve("yaml")));
        OneShotProcess javaRun = run(capture, base.resolve("java"), JAVA_DSL);
        OneShotProcess yaml = yamlRun.join();

        assertThat(yaml.exitCode()).as("YAML DSL exit code; stderr:\n%s", yaml.stderr()).isZero();
        assertThat(javaRun.exitCode()).as("Java DSL exit code; stderr:\n%s", javaRun.stderr()).isZero();
        assertThat(javaRun.stderr()).as("the Java DSL run says it uses the Java DSL").contains(JAVA_DSL_LOGGED);
        assertThat(yaml.stderr()).as("the YAML DSL run does not use the Java DSL").doesNotContain(JAVA_DSL_LOGGED);

        SameOutputFiles.assertSame(yaml, "yaml", javaRun, "java");
    }

    private static OneShotProcess run(Path capture, Path output, String... arguments) {
        try {
            return OneShotProcess.run(capture, output, arguments);
        } catch (Exception e) {
            throw new IllegalStateException("one-shot run on " + capture + " could not be run", e);
        }
    }
}
