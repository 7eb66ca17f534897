package dev.modbuswatch.correlate;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.AggregationRepository;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups an aggregator holds, in memory, kept when its route stops: Camel's {@code MemoryAggregationRepository}
 * empties itself when the aggregator stops, so a route reload forgot every pending request. Here the groups outlive the
 * route (the routes that replace it find them), and {@link dev.modbuswatch.state.PipelineState} saves and restores them
 * across a restart. Not a Camel service, so stopping the aggregator leaves it alone.
 */
public final class PendingGroups implements AggregationRepository {

    private final Map<String, Exchange> groups = new ConcurrentHashMap<>();

    @Override
    public Exchange add(CamelContext camelContext, String key, Exchange exchange) {
        return groups.put(key, exchange);
    }

    @Override
    public Exchange get(CamelContext camelContext, String key) {
        return groups.get(key);
    }

    @Override
    public void remove(CamelContext camelContext, String key, Exchange exchange) {
        groups.remove(key);
    }

    @Override
    public void confirm(CamelContext camelContext, String exchangeId) {
        // nothing kept to confirm
    }

    @Override
    public Set<String> getKeys() {
        return Collections.unmodifiableSet(groups.keySet());
    }

    /** The groups by key, read-only: for saving them and marking them. */
    public Map<String, Exchange> groups() {
        return Collections.unmodifiableMap(groups);
    }

    public int size() {
        return groups.size();
    }
}
