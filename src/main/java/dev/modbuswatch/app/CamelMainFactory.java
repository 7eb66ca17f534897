package dev.modbuswatch.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the camel-main runtime the way both the one-shot and the continuous run use it; {@link #configure} sets up
 * any camel-main based runtime the same way (Camel Quarkus's CamelMain too).
 */
final class CamelMainFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CamelMainFactory.class);
    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";
    static final String RELOAD_ENABLED = "camel.main.routes-reload-enabled";
    static final String ROUTES_DSL = "modbus.routes.dsl";
    /** A saved route file is read once it has not changed for this long (an editor may write it in several steps). */
    private static final Duration RELOAD_QUIET_PERIOD = Duration.ofMillis(250);

    /** @param overrides settings that take precedence over application.properties */
    static Main create(Map<String, String> overrides) {
        return configure(new Main(), overrides);
    }

    /** @param overrides settings that take precedence over application.properties */
    static <M extends MainSupport> M configure(M main, Map<String, String> overrides) {
        main.configure().addConfiguration(ModbusWatchConfiguration.class);
        // ModbusPipelineRoutes is added only when chosen (modbus.routes.dsl=java), never by the package scan.
        main.configure().setJavaRoutesExcludePattern(ModbusPipelineRoutes.class.getName().replace('.', '/'));
        // Route reload, off unless camel.main.routes-reload-enabled=true: watch the folder the routes are read from.
        // Initial properties are defaults that application.properties and -D overrides replace.
        main.addInitialProperty("camel.main.routes-reload-directory", "routes");
        main.addInitialProperty("camel.main.routes-reload-pattern", "*.yaml");
        // The user's file in the working directory wins over the bundled defaults: for a key in several locations,
        // the properties component takes the value of the first location that has it.
        main.setPropertyPlaceholderLocations(
                "file:application.properties;optional=true,classpath:application.properties;optional=true");
        if (!Files.isDirectory(Path.of("routes")) && !overrides.containsKey(ROUTES_PATTERN)) {
            LOG.info("No routes/ directory in {}: using the routes bundled in the jar",
                    Path.of("").toAbsolutePath());
            main.addOverrideProperty(ROUTES_PATTERN, "classpath:routes/*.yaml");
        }
        SecretSettings.registerBeforeStart(overrides, Path.of("application.properties"));
        main.addInitialProperty("camel.main.additional-sensitive-keywords", SecretSettings.CAMEL_SENSITIVE_KEYWORDS);
        overrides.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            private boolean routeReload;

            @Override
            public void beforeConfigure(BaseMainSupport configuring) {
                SecretSettings.registerResolved(configuring.getCamelContext().getPropertiesComponent());
                selectRoutesDsl(configuring);
                routeReload = takeOverRouteReload(configuring);
            }

            @Override
            public void afterConfigure(BaseMainSupport configured) {
                if (routeReload) {
                    useChangedRoutesReload(configured.getCamelContext(), configured.configure());
                }
            }
        });
        return main;
    }

    /**
     * modbus.routes.dsl: {@code yaml} loads the routes of camel.main.routes-include-pattern, {@code java} loads
     * {@link ModbusPipelineRoutes} instead. Runs when the properties component holds every source of settings (bundled
     * file, ./application.properties, -D overrides) but before camel-main applies camel.main.* and collects routes.
     */
    private static void selectRoutesDsl(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        String dsl = properties.resolveProperty(ROUTES_DSL).orElse("yaml").trim();
        switch (dsl) {
            case "yaml" -> { }
            case "java" -> {
                LOG.info("Routes: the Java DSL ({}); no route file is loaded", ModbusPipelineRoutes.class.getName());
                properties.addOverrideProperty(ROUTES_PATTERN, "false"); // "false": discover no route files
                main.configure().addRoutesBuilder(new ModbusPipelineRoutes());
            }
            default -> throw new SettingException(ROUTES_DSL, dsl, "must be yaml or java");
        }
    }

    /**
     * camel.main.routes-reload-enabled asks for route reload: camel-main is told it is off, so that it does not add its
     * RouteWatcherReloadStrategy (a service added to a context that has not started cannot be taken out again), and
     * {@link #useChangedRoutesReload} adds ours instead. Runs before camel-main applies camel.main.*.
     */
    private static boolean takeOverRouteReload(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        boolean enabled = main.configure().isRoutesReloadEnabled()
                || properties.resolveProperty(RELOAD_ENABLED).map(value -> Boolean.parseBoolean(value.trim()))
                        .orElse(false);
        if (enabled) {
            properties.addOverrideProperty(RELOAD_ENABLED, "false");
            main.configure().setRoutesReloadEnabled(false);
        }
        return enabled;
    }

    /**
     * Adds {@link ChangedRoutesReloadStrategy} to the context (it starts with it), watching the folder and files of
     * camel.main.routes-reload-directory, -directory-recursive and -pattern, as camel-main's own would.
     */
    private static void useChangedRoutesReload(CamelContext context, MainConfigurationProperties settings) {
        Path folder = Path.of(settings.getRoutesReloadDirectory()).toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            // Camel says nothing at our log level, and nothing at all when the folder is missing.
            LOG.warn("Route reload is on, but {} is not a directory: no route will be reloaded", folder);
            return;
        }
        ChangedRoutesReloadStrategy reload = new ChangedRoutesReloadStrategy(settings.getRoutesReloadDirectory(),
                settings.isRoutesReloadDirectoryRecursive(), RELOAD_QUIET_PERIOD);
        reload.setPattern(settings.getRoutesReloadPattern());
        try {
            context.addService(reload);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up route reload: " + e.getMessage(), e);
        }
        LOG.info("Routes are reloaded when a file matching {} in {} changes", settings.getRoutesReloadPattern(),
                folder);
    }

    private CamelMainFactory() {
    }
}
