package dev.modbuswatch.app;

import dev.modbuswatch.secret.KnownSecrets;
import org.apache.camel.spi.PropertiesComponent;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings whose values are secrets. Camel masks them in its settings summary once told their names
 * (camel.main.additional-sensitive-keywords), but prints resolved values unmasked at DEBUG, so their values are also
 * registered with {@link KnownSecrets}, which blanks them out of every log line: before Camel reads them (from -D
 * overrides, application.properties, the environment variables named there and every MODBUS_*SECRET*, *KEY*,
 * *TOKEN*, *PASSWORD* variable) and once resolved.
 */
final class SecretSettings {

    static final List<String> KEYS = List.of("modbus.output.azure.shared-key",
            "modbus.output.azure-ingestion.client-secret", "modbus.detect.bad-login.mask-key");
    /** The last segment of each key without dashes, as Camel compares them. */
    static final String CAMEL_SENSITIVE_KEYWORDS = "sharedkey,clientsecret,maskkey";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\{\\{env:([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SECRET_LIKE_NAME = Pattern.compile("MODBUS_.*(SECRET|KEY|TOKEN|PASSWORD|CREDENTIAL).*");

    private SecretSettings() {
    }

    /** Before Camel starts: what the command line, the settings files and the environment hold. */
    static void registerBeforeStart(Map<String, String> overrides, Path settingsFile) {
        Properties settings = new Properties();
        try (InputStream bundled = SecretSettings.class.getResourceAsStream("/application.properties")) {
            if (bundled != null) {
                settings.load(bundled);
            }
        } catch (IOException e) {
            // the bundled file is part of the jar; Camel reports it if it cannot be read
        }
        if (Files.isRegularFile(settingsFile)) {
            try (Reader file = Files.newBufferedReader(settingsFile)) {
                settings.load(file);
            } catch (IOException | IllegalArgumentException e) {
                // Camel reads the same file and reports what is wrong with it
            }
        }
        settings.putAll(overrides);
        for (String key : KEYS) {
            String value = settings.getProperty(key);
            register(value);
        }
        System.getenv().forEach((name, value) -> {
            if (SECRET_LIKE_NAME.matcher(name).matches()) {
                KnownSecrets.register(value);
            }
        });
    }

    /** Once Camel has every source of settings: the resolved values ({{env:NAME}} and other placeholders). */
    static void registerResolved(PropertiesComponent properties) {
        for (String key : KEYS) {
            try {
                properties.resolveProperty(key).map(properties::parseUri).ifPresent(KnownSecrets::register);
            } catch (RuntimeException e) {
                // an unresolvable secret is reported, without its value, by the bean that needs it
            }
        }
    }

    private static void register(String value) {
        if (value == null) {
            return;
        }
        Matcher reference = ENV_REFERENCE.matcher(value);
        if (reference.find()) {
            KnownSecrets.register(System.getenv(reference.group(1)));
        } else {
            KnownSecrets.register(value.trim());
        }
    }
}
