package dev.modbuswatch.app;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reload of a route file on the project's routes in camel-main: what it replaces, what it refuses, and that the
 * routes that run are not touched by a file it refuses. The strategy is driven directly (no file watching).
 */
@CamelMainTest(
        configurationClasses = ModbusWatchConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties",
        properties = {
            "camel.main.routes-include-pattern=file:" + ChangedRoutesReloadTest.ROUTES + "/*.yaml",
            "modbus.capture.uri=pcap:file:samples/seed-scenario.pcap",
            "modbus.output.dir=target/reload-route-test/out"
        })
class ChangedRoutesReloadTest {

    static final String ROUTES = "target/reload-route-test/routes";
    private static final Path FILE = Path.of(ROUTES, "modbus-events.yaml");
    private static final String ORIGINAL = read(Path.of("routes/modbus-events.yaml"));

    static {
        write(ORIGINAL);
    }

    @BeanInject
    CamelContext context;

    private ChangedRoutesReloadStrategy reload;
    private Map<String, Route> before;

    @BeforeEach
    void strategyOnTheRunningContext() {
        reload = new ChangedRoutesReloadStrategy(ROUTES, false, Duration.ofMillis(10));
        reload.setCamelContext(context);
        before = routes();
        assertThat(before).hasSizeGreaterThan(10).containsKey("modbus-capture");
    }

    @AfterEach
    void originalFile() {
        write(ORIGINAL);
    }

    @Test
    void sameFileReplacesNoRoute() throws Exception {
        RouteChanges changes = reloadWith(ORIGINAL);

        assertThat(changes.changed()).isEmpty();
        assertThat(changes.added()).isEmpty();
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.unchanged()).containsExactlyElementsOf(before.keySet());
        assertSameRoutes(before.keySet());
    }

    @Test
    void changedRouteIsTheOnlyOneReplaced() throws Exception {
        RouteChanges changes = reloadWith(ORIGINAL.replace("fileName: alerts.jsonl", "fileName: alerts-2.jsonl"));

        assertThat(changes.changed()).containsExactly("alerts");
        assertThat(changes.summary()).isEqualTo("1 changed (alerts), " + (before.size() - 1) + " unchanged");
        assertThat(routes().get("alerts")).isNotSameAs(before.get("alerts"));
        assertThat(context.getRouteController().getRouteStatus("alerts")).isEqualTo(ServiceStatus.Started);
        assertThat(model().getRouteDefinition("alerts").toString()).contains("alerts-2.jsonl");
        assertSameRoutes(without(before.keySet(), "alerts"));
    }

    @Test
    void changedCaptureRouteIsReplaced() throws Exception {
        RouteChanges changes = reloadWith(ORIGINAL.replace("fileName: events.jsonl", "fileName: events-2.jsonl"));

        assertThat(changes.changed()).containsExactly("modbus-capture");
        assertThat(routes().get("modbus-capture")).isNotSameAs(before.get("modbus-capture"));
    }

    @Test
    void routesOfAChangedRouteConfigurationAreReplaced() throws Exception {
        RouteChanges changes = reloadWith(ORIGINAL.replace("message kept in dead-letter.jsonl",
                "message kept in the dead letters"));

        assertThat(changes.changedConfigurations()).containsExactly("modbus-errors");
        List<String> usingIt = model().getRouteDefinitions().stream()
                .filter(route -> "modbus-errors".equals(route.getRouteConfigurationId()))
                .map(route -> route.getRouteId()).toList();
        assertThat(changes.changed()).containsExactlyInAnyOrderElementsOf(usingIt).contains("modbus-capture");
        assertThat(changes.unchanged()).contains("azure-token-post", "dead-letter", "flush-transaction-lines");
        assertSameRoutes(changes.unchanged());
    }

    @Test
    void removedAndAddedRoutes() throws Exception {
        String withoutJsonLine = ORIGINAL.replace("id: json-line\n", "id: json-line-2\n");

        RouteChanges changes = reloadWith(withoutJsonLine);

        assertThat(changes.added()).containsExactly("json-line-2");
        assertThat(changes.removed()).containsExactly("json-line");
        assertThat(routes()).containsKey("json-line-2").doesNotContainKey("json-line");
    }

    @Test
    void yamlSyntaxErrorKeepsTheRunningRoutes() {
        String broken = ORIGINAL.replace("    id: alerts\n", "    id: alerts\n   bad: [indent\n");
        int line = lineOf(broken, "   bad: [indent");

        assertThatThrownBy(() -> reloadWith(broken)).isInstanceOf(RouteFileRejected.class)
                .hasMessageStartingWith("line " + line + ", column 4: ")
                .hasMessageContaining("expected <block end>");
        assertSameRoutes(before.keySet());
    }

    @Test
    void unknownFieldNamesItsLine() {
        String broken = ORIGINAL.replace("      uri: direct:alert\n", "      uri: direct:alert\n      urii: typo\n");
        int line = lineOf(broken, "urii: typo");

        assertThatThrownBy(() -> reloadWith(broken)).isInstanceOf(RouteFileRejected.class)
                .hasMessageStartingWith("line " + line + ", column ").hasMessageContaining("Unsupported field: urii");
        assertSameRoutes(before.keySet());
    }

    @Test
    void unknownBeanNamesTheBeanAndItsLine() {
        String broken = ORIGINAL.replace("ref: badLogin\n", "ref: badLoginTypo\n");
        int line = lineOf(broken, "ref: badLoginTypo");

        assertThatThrownBy(() -> reloadWith(broken)).isInstanceOf(RouteFileRejected.class)
                .hasMessage("line " + line + ", column 24, route detect-bad-login: no bean named 'badLoginTypo'");
        assertSameRoutes(before.keySet());
        assertThat(model().getRouteConfigurationDefinitions()).extracting(c -> c.getId())
                .containsExactlyInAnyOrder("modbus-errors", "azure-http-errors");
    }

    @Test
    void unknownComponentIsRefused() {
        String broken = ORIGINAL.replace("- to: direct:detect-bad-login", "- to: nosuch:detect-bad-login");

        assertThatThrownBy(() -> reloadWith(broken)).isInstanceOf(RouteFileRejected.class)
                .hasMessageContaining("route modbus-transactions").hasMessageContaining("nosuch");
        assertSameRoutes(before.keySet());
    }

    @Test
    void invalidExpressionIsRefused() {
        String broken = ORIGINAL.replace("simple: \"${body} != null\"", "simple: \"${body} != null &&\"");

        assertThatThrownBy(() -> reloadWith(broken)).isInstanceOf(RouteFileRejected.class);
        assertSameRoutes(before.keySet());
    }

    @Test
    void routeIdOfAnotherFileIsRefused() throws Exception {
        Path other = Path.of(ROUTES, "other.yaml");
        Files.writeString(other, "- route:\n    id: alerts\n    from:\n      uri: direct:other\n      steps:\n"
                + "        - log: other\n");
        try {
            assertThatThrownBy(() -> reload.replaceChangedRoutes(snapshot(other))).isInstanceOf(RouteFileRejected.class)
                    .hasMessageContaining("route id alerts is already used");
        } finally {
            Files.delete(other);
        }
        assertSameRoutes(before.keySet());
    }

    @Test
    void emptiedOrDeletedFileKeepsTheRunningRoutes() throws Exception {
        write("");
        reload.reload(resource());
        Files.delete(FILE);
        reload.reload(resource());

        assertSameRoutes(before.keySet());
        assertThat(reload.getFailedCounter()).isZero();
    }

    @Test
    void rejectedSaveIsCountedAsFailed() {
        write(ORIGINAL.replace("ref: badLogin\n", "ref: badLoginTypo\n"));

        reload.reload(resource());

        assertThat(reload.getFailedCounter()).isEqualTo(1);
        assertThat(reload.getLastError()).hasMessageContaining("badLoginTypo");
        assertSameRoutes(before.keySet());
    }

    private RouteChanges reloadWith(String text) throws Exception {
        write(text);
        return reload.replaceChangedRoutes(snapshot(FILE));
    }

    private static RouteFileSnapshot snapshot(Path file) throws Exception {
        return RouteFileSnapshot.whenSettled(file, "file:" + file, Duration.ofMillis(1));
    }

    private Resource resource() {
        return PluginHelper.getResourceLoader(context).resolveResource("file:" + FILE);
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private Map<String, Route> routes() {
        return context.getRoutes().stream().collect(Collectors.toMap(Route::getRouteId, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private void assertSameRoutes(java.util.Collection<String> ids) {
        Map<String, Route> now = routes();
        for (String id : ids) {
            assertThat(now.get(id)).as("route %s", id).isSameAs(before.get(id));
            assertThat(context.getRouteController().getRouteStatus(id)).as("route %s", id)
                    .isEqualTo(ServiceStatus.Started);
        }
    }

    private static List<String> without(java.util.Collection<String> ids, String id) {
        return ids.stream().filter(other -> !other.equals(id)).toList();
    }

    private static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not found");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
