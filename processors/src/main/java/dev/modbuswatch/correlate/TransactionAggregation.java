package dev.modbuswatch.correlate;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Pairs a request with its response: the group's body is a {@link ModbusTransaction}. A request never meets a pending
 * request of the same key: {@link PendingRequests} completes that one first. A response with nothing pending is an
 * orphan, or {@code unobserved} when it came just after the sensor missed traffic ({@link UnseenTraffic}). As a
 * {@link Predicate} it is the aggregator's completion predicate (Camel uses a strategy that is one when the route sets
 * none): a group completes when its transaction has a response.
 */
public final class TransactionAggregation implements AggregationStrategy, Predicate {

    private final UnseenTraffic unseenTraffic;

    public TransactionAggregation(UnseenTraffic unseenTraffic) {
        this.unseenTraffic = unseenTraffic;
    }

    @Override
    public Exchange aggregate(Exchange group, Exchange next) {
        ModbusMessage message = next.getMessage().getBody(ModbusMessage.class);
        if (group == null) {
            ModbusTransaction started = ModbusTransaction.of(message);
            if (message.isResponse() && unseenTraffic.mayHaveMissedRequestOf(message)) {
                started = started.asUnobserved();
            }
            next.getMessage().setBody(started);
            return next;
        }
        ModbusTransaction pending = group.getMessage().getBody(ModbusTransaction.class);
        if (message.isResponse() && pending.response() == null) {
            group.getMessage().setBody(pending.answeredBy(message));
        }
        return group;
    }

    @Override
    public boolean matches(Exchange group) {
        return group.getMessage().getBody(ModbusTransaction.class).complete();
    }
}
