package dev.modbuswatch.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SeedScenarioCaptureTest {

    @Test
    void bundledSampleIsExactlyWhatTheWriterProduces(@TempDir Path folder) throws Exception {
        Path written = folder.resolve("seed-scenario.pcap");
        SeedScenarioCapture.write(written);

        assertThat(Files.readAllBytes(written))
                .as("samples/seed-scenario.pcap is out of date: regenerate it (see README)")
                .isEqualTo(Files.readAllBytes(Path.of("samples/seed-scenario.pcap")));
    }
}
