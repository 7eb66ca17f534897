package dev.modbuswatch.correlate;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Pairs a request with its response: the group's body is a {@link ModbusTransaction}. A request never meets a pending
 * request of the same key: {@link PendingRequests} completes that one first.
 */
public final class TransactionAggregation implements AggregationStrategy {

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
}
