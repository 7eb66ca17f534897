package dev.modbuswatch.correlate;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * Pairs a request with its response: the group's body is a {@link ModbusTransaction}. A request never meets a pending
 * request of the same key: {@link PendingRequests} completes that one first. As a {@link Predicate} it is the
 * aggregator's completion predicate (Camel uses a strategy that is one when the route sets none): a group completes
 * when its transaction has a response.
 */
public final class TransactionAggregation implements AggregationStrategy, Predicate {

    @Override
    public Exchange aggregate(Exchange group, Exchange next) {
        ModbusMessage message = next.getMessage().getBody(ModbusMessage.class);
        if (group == null) {
            next.getMessage().setBody(ModbusTransaction.of(message));
            return next;
        }
        ModbusTransaction pending = group.getMessage().getBody(ModbusTransaction.class);
        if (message.isResponse() && pending.response() == null) {
            group.getMessage().setBody(new ModbusTransaction(pending.request(), message));
        }
        return group;
    }

    @Override
    public boolean matches(Exchange group) {
        return group.getMessage().getBody(ModbusTransaction.class).complete();
    }
}
