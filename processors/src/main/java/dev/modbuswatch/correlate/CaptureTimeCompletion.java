package dev.modbuswatch.correlate;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.spi.AggregationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The completion timeout of an aggregator, run on capture time so that a capture file gives the same result on every
 * run and machine: as capture time passes, groups older than the timeout (by the time their body says) are completed
 * through the aggregator's own controller, oldest first. At the end of a capture, everything pending is completed.
 */
public final class CaptureTimeCompletion implements CamelContextAware {


    private final AggregationRepository repository;
    private final AggregateController controller;
    private final long timeoutNanos;
    private final ToLongFunction<Object> groupTime;
    private CamelContext camelContext;
    /**
     * No group can time out before this: the earliest deadline pending at the last sweep, or, for groups started
     * since, the sweep's time plus the timeout.
     */
    private long nextDeadline = Long.MIN_VALUE;

    private record Pending(String key, long since) {
    }

    /**
     * @param groupTime the capture time (ns since the epoch) a group's timeout counts from, read from its body
     */
    public CaptureTimeCompletion(AggregationRepository repository, AggregateController controller, long timeoutMillis,
                                 ToLongFunction<Object> groupTime) {
        this.repository = repository;
        this.controller = controller;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.groupTime = groupTime;
    }

    /** Capture time has reached {@code nanos}: complete every group whose timeout has passed. */
    public synchronized void advanceTo(long nanos) {
        if (nanos >= nextDeadline) {
            nextDeadline = completeOlderThan(nanos - timeoutNanos) + timeoutNanos;
            nextDeadline = Math.min(nextDeadline, nanos + timeoutNanos);
        }
    }

    /** The capture ended: complete every pending group. */
    public synchronized void completeAll() {
        completeOlderThan(Long.MAX_VALUE);
        nextDeadline = Long.MIN_VALUE;
    }

    /** A new request reuses the key of a pending one: the pending one ends now, unanswered. */
    public synchronized void completeGroup(String key) {
        if (repository.get(camelContext, key) != null) {
            controller.forceCompletionOfGroup(key);
        }
    }

    /** @return the start time of the oldest group still pending, or Long.MAX_VALUE - timeout when none is */
    private long completeOlderThan(long limit) {
        List<Pending> expired = new ArrayList<>();
        long oldestLeft = Long.MAX_VALUE - timeoutNanos;
        for (String key : repository.getKeys()) {
            Exchange group = repository.get(camelContext, key);
            if (group != null) {
                long since = groupTime.applyAsLong(group.getMessage().getBody());
                if (since <= limit) {
                    expired.add(new Pending(key, since));
                } else {
                    oldestLeft = Math.min(oldestLeft, since);
                }
            }
        }
        expired.sort(Comparator.comparingLong(Pending::since).thenComparing(Pending::key));
        for (Pending pending : expired) {
            controller.forceCompletionOfGroup(pending.key);
        }
        return oldestLeft;
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
