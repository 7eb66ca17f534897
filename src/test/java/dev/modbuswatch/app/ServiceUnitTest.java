package dev.modbuswatch.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The systemd unit and the script that installs it. */
class ServiceUnitTest {

    private static final Path UNIT = Path.of("deploy/systemd/modbus-watch.service");

    @TempDir
    Path folder;

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: the unit is not checked");
        Result verify = run(analyze.toString(), "verify", UNIT.toAbsolutePath().toString());
        assertThat(verify.output()).as("systemd-analyze verify").isEmpty();
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void theUnitWaitsLongerThanTheDrainAndRunsWithoutRoot() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        assertThat(lines).contains("User=modbus-watch", "AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN",
                "Restart=on-failure", "EnvironmentFile=-/etc/modbus-watch/secrets.env");
        int stopSeconds = lines.stream().filter(line -> line.startsWith("TimeoutStopSec="))
                .map(line -> Integer.parseInt(line.substring("TimeoutStopSec=".length()))).findFirst().orElseThrow();
        assertThat(stopSeconds).as("longer than camel.main.shutdown-timeout (45 s)").isGreaterThan(45);
    }

    @Test
    void theScriptStagesJarSettingsRoutesAndARootOnlySecretsFile() throws Exception {
        Path jar = Files.writeString(folder.resolve("modbus-watch.jar"), "jar");
        Path root = folder.resolve("root");
        Result install = run("scripts/install-service.sh", "--root", root.toString(), "--jar", jar.toString());
        assertThat(install.exitCode()).as(install.output()).isZero();

        assertThat(root.resolve("opt/modbus-watch/modbus-watch.jar")).hasContent("jar");
        assertThat(root.resolve("etc/systemd/system/modbus-watch.service")).hasSameTextualContentAs(UNIT);
        assertThat(root.resolve("etc/modbus-watch/routes")).isDirectoryContaining("glob:**.yaml");
        assertThat(root.resolve("etc/modbus-watch/devices.yaml")).exists();
        assertThat(Files.readAllLines(root.resolve("etc/modbus-watch/application.properties")))
                .contains("modbus.output.dir = /var/lib/modbus-watch");
        Path secrets = root.resolve("etc/modbus-watch/secrets.env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");

        Files.writeString(root.resolve("etc/modbus-watch/application.properties"), "edited by the operator\n");
        assertThat(run("scripts/install-service.sh", "--root", root.toString(), "--jar", jar.toString()).exitCode())
                .isZero();
        assertThat(root.resolve("etc/modbus-watch/application.properties")).as("kept on reinstall")
                .hasContent("edited by the operator");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
