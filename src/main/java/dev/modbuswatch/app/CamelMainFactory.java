package dev.modbuswatch.app;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Builds the camel-main runtime the way both the one-shot and the continuous run use it. */
final class CamelMainFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CamelMainFactory.class);
    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";

    /** @param overrides settings that take precedence over application.properties */
    static Main create(Map<String, String> overrides) {
        Main main = new Main(ModbusWatch.class);
        main.configure().addConfiguration(ModbusWatchConfiguration.class);
        // The bundled defaults first, then the user's file in the working directory, which wins.
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        if (!Files.isDirectory(Path.of("routes")) && !overrides.containsKey(ROUTES_PATTERN)) {
            LOG.info("No routes/ directory in {}: using the routes bundled in the jar",
                    Path.of("").toAbsolutePath());
            main.addOverrideProperty(ROUTES_PATTERN, "classpath:routes/*.yaml");
        }
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    private CamelMainFactory() {
    }
}
