package dev.modbuswatch.app;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Camel's route reload (camel.main.routes-reload-enabled), made safe for a sensor that must not go blind:
 * <ul>
 * <li>a saved route file is read and its changed routes created (beans, endpoints, expressions resolved) before any
 * running route is touched; if that fails, the running routes go on and one ERROR says where the file is wrong;</li>
 * <li>only the routes whose definition changed are replaced (see {@link RouteChanges}), so the capture keeps running
 * through a reload that does not change it;</li>
 * <li>a deleted or emptied file (an editor writing it in place) changes nothing until it is saved with content.</li>
 * </ul>
 * Camel's file watching is kept as it is; this replaces what a change of a watched file does.
 */
final class ChangedRoutesReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ChangedRoutesReloadStrategy.class);

    private final Duration quietPeriod;
    /** Per route file: what it held when last handled, so that the events of one save are handled once. */
    private final Map<Path, Object> handled = new HashMap<>();

    /** @param quietPeriod how long a changed file must stay unchanged before it is read */
    ChangedRoutesReloadStrategy(String directory, boolean recursive, Duration quietPeriod) {
        super(directory, recursive);
        this.quietPeriod = quietPeriod;
    }

    /**
     * @param resources the route files that changed; null when a properties file in the folder changed (only with a
     *                  pattern that takes them): then every route is reloaded, as Camel does, since a placeholder's new
     *                  value does not show in a route's definition
     */
    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources == null || removeEverything) {
            super.onRouteReload(resources, removeEverything);
            return;
        }
        for (Resource resource : resources) {
            reload(resource);
        }
    }

    /** A rejected file is counted as failed (Camel's counters), not as reloaded too. */
    @Override
    protected void incSucceededCounter() {
        if (getLastError() == null) {
            super.incSucceededCounter();
        }
    }

    void reload(Resource resource) {
        Path file = Path.of(resource.getURI());
        String name = file.getFileName().toString();
        RouteFileSnapshot snapshot;
        try {
            snapshot = RouteFileSnapshot.whenSettled(file, resource.getLocation(), quietPeriod);
        } catch (IOException e) {
            reject(file, RouteFileRejected.because("cannot be read: " + e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (snapshot.state().equals(handled.put(file, snapshot.state()))) {
            LOG.debug("Route file {}: no change since it was last handled", file);
            return;
        }
        if (snapshot.isMissing()) {
            LOG.warn("Route file {} was deleted: the routes loaded from it keep running; they are reloaded when it is"
                    + " saved again", file);
            return;
        }
        if (snapshot.isBlank()) {
            LOG.info("Route file {} is empty (an editor writing it?): the previous routes are still in use; they are"
                    + " reloaded when it is saved with content", file);
            return;
        }
        try {
            RouteChanges changes = replaceChangedRoutes(snapshot);
            LOG.info("Routes reloaded from {}: {}", name, changes.summary());
        } catch (RouteFileRejected e) {
            reject(file, e);
        }
    }

    private void reject(Path file, RouteFileRejected reason) {
        setLastError(reason);
        incFailedCounter();
        LOG.error("Route file {} not reloaded, {}. The previous routes are still in use.", file, reason.getMessage());
        LOG.debug("Route file {} not reloaded", file, reason.getCause());
    }

    /**
     * Loads the file, creates its changed and new routes to check them, then stops and removes the routes that
     * changed or are gone and starts the new definitions. Nothing running is touched until the check passed.
     */
    RouteChanges replaceChangedRoutes(RouteFileSnapshot file) throws RouteFileRejected {
        CamelContext context = getCamelContext();
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        List<RouteDefinition> running = model.getRouteDefinitions().stream()
                .filter(route -> file.isSourceOf(route.getResource())).toList();
        RouteBuilder candidate = load(file);
        List<RouteConfigurationDefinition> configurations = configurations(candidate, file);
        List<RouteConfigurationDefinition> runningConfigurations = runningConfigurations(model, file, configurations);
        RouteChanges changes;
        try {
            // Routes are prepared with the route configurations in the model: the file's new ones, while it is checked.
            replaceConfigurations(model, runningConfigurations, configurations);
            List<RouteDefinition> loaded = routes(candidate, running);
            changes = RouteChanges.between(context, running, loaded, runningConfigurations, configurations);
            for (RouteDefinition route : loaded) {
                if (changes.toStart().contains(route.getRouteId())) {
                    create(context, model, route, file);
                }
            }
        } catch (RouteFileRejected | RuntimeException e) {
            replaceConfigurations(model, configurations, runningConfigurations);
            throw e instanceof RouteFileRejected rejected ? rejected : RouteFileRejected.loading(e);
        }
        if (!changes.isEmpty()) {
            // The checked definitions have been made into routes once; the routes started come from a second reading
            // of the same text.
            List<RouteDefinition> toStart;
            try {
                toStart = routes(load(file), running).stream()
                        .filter(route -> changes.toStart().contains(route.getRouteId())).toList();
            } catch (RouteFileRejected e) {
                replaceConfigurations(model, configurations, runningConfigurations);
                throw e;
            }
            replaceRoutes(context, model, running, changes, toStart, file, runningConfigurations, configurations);
        }
        return changes;
    }

    private RouteBuilder load(RouteFileSnapshot file) throws RouteFileRejected {
        Collection<RoutesBuilder> builders;
        try {
            builders = PluginHelper.getRoutesLoader(getCamelContext()).findRoutesBuilders(file.resource());
        } catch (Exception e) {
            throw RouteFileRejected.loading(e);
        }
        if (builders.size() != 1 || !(builders.iterator().next() instanceof RouteBuilder builder)) {
            throw RouteFileRejected.because("it holds no routes that can be reloaded one by one");
        }
        return builder;
    }

    /** The file's route configurations, marked as the file's (the YAML loader leaves their resource unset). */
    private List<RouteConfigurationDefinition> configurations(RouteBuilder builder, RouteFileSnapshot file)
            throws RouteFileRejected {
        if (!(builder instanceof RouteConfigurationBuilder configurations)) {
            return List.of();
        }
        try {
            configurations.setCamelContext(getCamelContext());
            configurations.getRouteConfigurationCollection().setCamelContext(getCamelContext());
            configurations.configuration();
        } catch (Exception e) {
            throw RouteFileRejected.loading(e);
        }
        List<RouteConfigurationDefinition> loaded = configurations.getRouteConfigurationCollection()
                .getRouteConfigurations();
        loaded.forEach(configuration -> configuration.setResource(file.resource()));
        return List.copyOf(loaded);
    }

    /**
     * The route configurations in use that came from the file: those a reload marked as the file's, and those loaded
     * at start (which name no file) with the id of one of the file's.
     */
    private static List<RouteConfigurationDefinition> runningConfigurations(Model model, RouteFileSnapshot file,
            List<RouteConfigurationDefinition> loaded) {
        Set<String> ids = new java.util.HashSet<>();
        loaded.forEach(configuration -> ids.add(RouteChanges.configurationKey(configuration)));
        return model.getRouteConfigurationDefinitions().stream()
                .filter(configuration -> file.isSourceOf(configuration.getResource())
                        || configuration.getResource() == null
                                && ids.contains(RouteChanges.configurationKey(configuration)))
                .toList();
    }

    /** The file's routes, prepared; each must have an id no route of another file has. */
    private List<RouteDefinition> routes(RouteBuilder builder, List<RouteDefinition> running)
            throws RouteFileRejected {
        List<RouteDefinition> routes;
        try {
            routes = List.copyOf(builder.configureRoutes(getCamelContext()).getRoutes());
        } catch (Exception e) {
            throw RouteFileRejected.loading(e);
        }
        if (!builder.getRouteTemplateCollection().getRouteTemplates().isEmpty()
                || !builder.getTemplatedRouteCollection().getTemplatedRoutes().isEmpty()
                || !builder.getRestCollection().getRests().isEmpty()) {
            throw RouteFileRejected.because("route templates, templated routes and rests are not reloaded;"
                    + " restart modbus-watch to apply them");
        }
        Set<String> ids = new java.util.HashSet<>();
        for (RouteDefinition route : routes) {
            String id = route.getRouteId();
            if (id == null) {
                int line = route.getInput() == null ? -1 : route.getInput().getLineNumber();
                throw RouteFileRejected.because("line " + line + ": a route without an id; a reload replaces routes"
                        + " by their id");
            }
            if (!ids.add(id)) {
                throw RouteFileRejected.because("route id " + id + " is used twice");
            }
            Route other = getCamelContext().getRoute(id);
            if (other != null && running.stream().noneMatch(known -> id.equals(known.getRouteId()))) {
                throw RouteFileRejected.because("route id " + id + " is already used by a route of "
                        + other.getSourceLocationShort());
            }
        }
        return routes;
    }

    /** Makes the route as Camel would start it, without starting it, to find what it cannot resolve. */
    private static void create(CamelContext context, Model model, RouteDefinition route, RouteFileSnapshot file)
            throws RouteFileRejected {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        try {
            RouteDefinitionHelper.forceAssignIds(context, route.getInput());
            RouteDefinitionHelper.forceAssignIds(context, route);
            extension.createRoute(route.getRouteId());
            model.getModelReifierFactory().createRoute(context, route);
        } catch (Exception e) {
            throw RouteFileRejected.creating(route, file, e);
        } finally {
            extension.createRoute(null);
        }
    }

    /**
     * Stops the changed and removed routes, last in the file first (the capture, last, stops before the routes it
     * feeds; a message for a route being replaced waits for it, as direct: endpoints block), then starts the new
     * definitions in file order. If they do not start, the previous routes are started again.
     */
    private void replaceRoutes(CamelContext context, Model model, List<RouteDefinition> running, RouteChanges changes,
            List<RouteDefinition> toStart, RouteFileSnapshot file, List<RouteConfigurationDefinition> previous,
            List<RouteConfigurationDefinition> configurations) throws RouteFileRejected {
        List<RouteDefinition> stopped = new ArrayList<>();
        try {
            for (RouteDefinition route : lastFirst(running)) {
                if (changes.changed().contains(route.getRouteId()) || changes.removed().contains(route.getRouteId())) {
                    model.removeRouteDefinition(route);
                    stopped.add(0, route);
                }
            }
            model.addRouteDefinitions(toStart);
        } catch (Exception e) {
            restore(model, toStart, stopped, previous, configurations);
            throw RouteFileRejected.because("its routes did not start (" + e.getMessage()
                    + "); the previous routes were started again");
        }
        int index = 1;
        for (RouteDefinition route : toStart) {
            Route started = context.getRoute(route.getRouteId());
            if (started != null) {
                EventHelper.notifyRouteReloaded(context, started, index++, toStart.size());
            }
        }
    }

    private static void restore(Model model, List<RouteDefinition> failed, List<RouteDefinition> previous,
            List<RouteConfigurationDefinition> previousConfigurations,
            List<RouteConfigurationDefinition> configurations) {
        try {
            for (RouteDefinition route : lastFirst(failed)) {
                model.removeRouteDefinition(route);
            }
            replaceConfigurations(model, configurations, previousConfigurations);
            model.addRouteDefinitions(previous);
        } catch (Exception e) {
            LOG.error("The previous routes could not be started again: {}", e.getMessage());
            LOG.debug("Restoring the previous routes", e);
        }
    }

    private static void replaceConfigurations(Model model, List<RouteConfigurationDefinition> remove,
            List<RouteConfigurationDefinition> add) {
        for (RouteConfigurationDefinition configuration : remove) {
            try {
                model.removeRouteConfiguration(configuration);
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove route configuration " + configuration.getId(), e);
            }
        }
        model.addRouteConfigurations(add);
    }

    private static <T> List<T> lastFirst(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }
}
