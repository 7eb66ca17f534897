package dev.modbuswatch.app;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.xml.LwModelToXMLDumper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which routes of a route file a reload has to replace: the running definitions against the new ones, both written
 * out by Camel's model dumper (without generated node ids) and compared as text. Both sides are prepared the way Camel
 * prepares a route, so the error handling of their route configurations is part of what is compared; a route that
 * applies a route configuration that changed is replaced as well.
 */
record RouteChanges(List<String> changed, List<String> added, List<String> removed, List<String> unchanged,
                    List<String> changedConfigurations) {

    /** The id Camel gives a route configuration without one when it names what a route applies. */
    private static final String UNNAMED_CONFIGURATION = "<default>";

    static RouteChanges between(CamelContext context, Collection<RouteDefinition> running,
            Collection<RouteDefinition> loaded, Collection<RouteConfigurationDefinition> runningConfigurations,
            Collection<RouteConfigurationDefinition> loadedConfigurations) {
        Dumper dumper = new Dumper(context);
        List<String> changedConfigurations = changedKeys(
                byKey(runningConfigurations, RouteChanges::configurationKey, dumper),
                byKey(loadedConfigurations, RouteChanges::configurationKey, dumper));

        Map<String, RouteDefinition> before = new LinkedHashMap<>();
        running.forEach(route -> before.put(route.getRouteId(), route));
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (RouteDefinition route : loaded) {
            RouteDefinition previous = Boolean.TRUE.equals(route.getCustomId()) ? before.remove(route.getRouteId())
                    : null;
            if (previous == null) {
                added.add(route.getRouteId());
            } else if (!dumper.dump(previous).equals(dumper.dump(route))
                    || appliesAny(previous, changedConfigurations)) {
                changed.add(route.getRouteId());
            } else {
                unchanged.add(route.getRouteId());
            }
        }
        return new RouteChanges(changed, added, List.copyOf(before.keySet()), unchanged, changedConfigurations);
    }

    /** The ids of the routes to start, changed and added. */
    Set<String> toStart() {
        Set<String> ids = new java.util.LinkedHashSet<>(changed);
        ids.addAll(added);
        return ids;
    }

    boolean isEmpty() {
        return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /** {@code 2 changed (detect-bad-login, alerts), 18 unchanged}, with what was added and removed when anything was. */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(changed, "changed"));
        if (!added.isEmpty()) {
            parts.add(count(added, "added"));
        }
        if (!removed.isEmpty()) {
            parts.add(count(removed, "removed"));
        }
        parts.add(unchanged.size() + " unchanged");
        String summary = String.join(", ", parts);
        if (!changedConfigurations.isEmpty()) {
            summary += "; route configuration" + (changedConfigurations.size() == 1 ? " " : "s ")
                    + String.join(", ", changedConfigurations) + " changed";
        }
        return summary;
    }

    private static String count(List<String> ids, String what) {
        return ids.size() + " " + what + (ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")");
    }

    private static boolean appliesAny(RouteDefinition route, List<String> configurations) {
        Set<String> applied = route.getAppliedRouteConfigurationIds();
        return applied != null && configurations.stream().anyMatch(applied::contains);
    }

    static String configurationKey(RouteConfigurationDefinition configuration) {
        return configuration.getId() == null ? UNNAMED_CONFIGURATION : configuration.getId();
    }

    private static <T extends NamedNode> Map<String, String> byKey(Collection<T> definitions,
            java.util.function.Function<T, String> key, Dumper dumper) {
        return definitions.stream().collect(Collectors.toMap(key, dumper::dump, (first, second) -> first + second,
                LinkedHashMap::new));
    }

    private static List<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        List<String> keys = new ArrayList<>();
        after.forEach((key, text) -> {
            if (!Objects.equals(before.get(key), text)) {
                keys.add(key);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(keys::add);
        return keys;
    }

    /**
     * Camel's XML model dumper, made directly rather than looked up: Camel Quarkus finds services only in its
     * extensions, and camel-xml-io has none there.
     */
    private record Dumper(CamelContext context, LwModelToXMLDumper dumper) {

        Dumper(CamelContext context) {
            this(context, new LwModelToXMLDumper());
        }

        String dump(NamedNode definition) {
            try {
                return dumper.dumpModelAsXml(context, definition, false, false, false);
            } catch (Exception e) {
                throw new IllegalStateException("cannot write route " + definition.getId() + " as text", e);
            }
        }
    }
}
