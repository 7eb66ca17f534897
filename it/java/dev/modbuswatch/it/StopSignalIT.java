package dev.modbuswatch.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM ends the continuous run of the packaged jar cleanly: the outputs are written and the exit code is 0. */
class StopSignalIT {

    private final Path project = Path.of(System.getProperty("project.basedir", "."));

    @TempDir
    Path folder;

    @Test
    @Timeout(90)
    void sigtermAfterACleanDrainExitsZero() throws Exception {
        Path out = folder.resolve("out");
        Path log = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")).toAbsolutePath()
                .toString(),
                "-Dmodbus.capture.uri=pcap:file:" + project.resolve("samples/seed-scenario.pcap").toAbsolutePath(),
                "-Dmodbus.output.dir=" + out)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("Capture ended") && System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(200);
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("stopped within the shutdown timeout").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(logged).isZero();
        assertThat(logged).contains("SIGTERM received").contains("Stopped cleanly");
        List<String> events = Files.readAllLines(out.resolve("events.jsonl"));
        assertThat(events).hasSize(6);
    }
}
