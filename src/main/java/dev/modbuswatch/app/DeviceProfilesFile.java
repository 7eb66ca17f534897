package dev.modbuswatch.app;

import dev.modbuswatch.profile.DeviceProfiles;
import dev.modbuswatch.profile.ProfileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the device profiles named by {@code modbus.profiles.file}: that file, or, when the default {@code devices.yaml}
 * is not in the working directory, the copy bundled in the jar.
 */
final class DeviceProfilesFile {

    static final String KEY = "modbus.profiles.file";
    static final String DEFAULT = "devices.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceProfilesFile.class);

    static DeviceProfiles load(String setting) {
        Path file = Path.of(setting);
        if (Files.exists(file) || !DEFAULT.equals(setting)) {
            if (!Files.isRegularFile(file)) {
                throw new ProfileException(setting, KEY, "no such file");
            }
            return DeviceProfiles.load(file);
        }
        LOG.info("No {} in {}: using the device profiles bundled in the jar", DEFAULT, Path.of("").toAbsolutePath());
        try (InputStream bundled = DeviceProfilesFile.class.getResourceAsStream("/" + DEFAULT)) {
            if (bundled == null) {
                throw new ProfileException(setting, KEY, "no such file, and none bundled");
            }
            return DeviceProfiles.parse("classpath:" + DEFAULT, new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileException("classpath:" + DEFAULT, KEY, "cannot be read: " + e.getMessage(), e);
        }
    }

    private DeviceProfilesFile() {
    }
}
