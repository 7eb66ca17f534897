package dev.modbuswatch.correlate;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.spi.AggregationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The completion timeout of the transaction aggregator, run on capture time so that a capture file gives the same
 * transactions on every run and machine: as capture time passes, groups whose first message is older than the
 * timeout are completed through the aggregator's own controller, oldest first. At the end of a capture, everything
 * pending is completed.
 */
public final class TransactionTimeouts implements CamelContextAware {


    private final AggregationRepository repository;
    private final AggregateController controller;
    private final long timeoutNanos;
    private CamelContext camelContext;
    private long lastSweepSecond = Long.MIN_VALUE;

    private record Pending(String key, long since) {
    }

    public TransactionTimeouts(AggregationRepository repository, AggregateController controller, long timeoutMillis) {
        this.repository = repository;
        this.controller = controller;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
    }

    /** Capture time has reached this message: complete what timed out before it. Checked once per second. */
    public void advanceTo(ModbusMessage message) {
        long second = message.adu().epochSecond();
        if (second != lastSweepSecond) {
            lastSweepSecond = second;
            completeOlderThan(message.captureNanos() - timeoutNanos);
        }
    }

    /** The capture ended: complete every pending transaction. */
    public void completeAll() {
        completeOlderThan(Long.MAX_VALUE);
        lastSweepSecond = Long.MIN_VALUE;
    }

    private void completeOlderThan(long limit) {
        List<Pending> expired = new ArrayList<>();
        for (String key : repository.getKeys()) {
            Exchange group = repository.get(camelContext, key);
            if (group != null) {
                long since = group.getMessage().getBody(ModbusTransaction.class).first().captureNanos();
                if (since <= limit) {
                    expired.add(new Pending(key, since));
                }
            }
        }
        expired.sort(Comparator.comparingLong(Pending::since).thenComparing(Pending::key));
        for (Pending pending : expired) {
            controller.forceCompletionOfGroup(pending.key);
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

}
