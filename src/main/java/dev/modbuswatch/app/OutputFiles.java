package dev.modbuswatch.app;

import dev.modbuswatch.output.RunSummary;
import dev.modbuswatch.output.file.JsonLinesFileComponent;
import dev.modbuswatch.output.file.OutputFilePolicy;
import dev.modbuswatch.output.file.RotationInterval;
import org.apache.camel.spi.PropertiesComponent;

import java.time.Clock;
import java.time.Duration;

/** The {@code jsonl:} component of the output files, with rotation, retention and holding from the settings. */
final class OutputFiles {

    static final String ROTATE = "modbus.output.rotate.enabled";
    private static final String PREFIX = "modbus.output.";

    private OutputFiles() {
    }

    static JsonLinesFileComponent component(PropertiesComponent properties, RunSummary summary) {
        return new JsonLinesFileComponent(policy(properties), Clock.systemUTC(), summary::notWritten);
    }

    static OutputFilePolicy policy(PropertiesComponent properties) {
        long holdBytes = Settings.bytes(PREFIX + "hold-size", value(properties, "hold-size", "64MB"));
        if (holdBytes == 0) {
            throw new SettingException(PREFIX + "hold-size", "0", "must be more than 0 bytes");
        }
        if (!Settings.flag(ROTATE, value(properties, "rotate.enabled", "true"))) {
            return OutputFilePolicy.withoutRotation(holdBytes);
        }
        String intervalValue = value(properties, "rotate.interval", "daily");
        RotationInterval interval;
        try {
            interval = RotationInterval.parse(intervalValue);
        } catch (IllegalArgumentException e) {
            throw new SettingException(PREFIX + "rotate.interval", intervalValue, e.getMessage());
        }
        long rotateBytes = Settings.bytes(PREFIX + "rotate.size", value(properties, "rotate.size", "256MB"));
        boolean compress = Settings.flag(PREFIX + "rotate.compress", value(properties, "rotate.compress", "false"));
        long retainDays = Settings.wholeNumber(PREFIX + "retain.days", value(properties, "retain.days", "30"));
        long retainBytes = Settings.bytes(PREFIX + "retain.size", value(properties, "retain.size", "0"));
        return new OutputFilePolicy(true, rotateBytes, interval, compress, Duration.ofDays(retainDays), retainBytes,
                holdBytes, Duration.ofSeconds(1));
    }

    private static String value(PropertiesComponent properties, String key, String otherwise) {
        return properties.resolveProperty(PREFIX + key).orElse(otherwise);
    }
}
