package dev.modbuswatch.correlate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A client that reuses the transaction ID of a request still waiting for its answer: the waiting request ends there,
 * unanswered (status {@code timeout}), and the new one starts its own transaction. Without this the new request would
 * vanish into the old group and its answer would be paired with the wrong request. As a {@link Processor}, it does so
 * for the message in the body.
 */
public final class PendingRequests implements Processor {

    private final TransactionKey keys;
    private final CaptureTimeCompletion transactions;

    public PendingRequests(TransactionKey keys, CaptureTimeCompletion transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    public void supersede(ModbusMessage message) {
        if (!message.isResponse()) {
            transactions.completeGroup(keys.of(message));
        }
    }

    @Override
    public void process(Exchange exchange) {
        supersede(exchange.getMessage().getBody(ModbusMessage.class));
    }
}
