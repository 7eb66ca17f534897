package dev.modbuswatch.output.delivery;

import java.util.concurrent.atomic.LongAdder;

/**
 * Records of one remote output: accepted by the endpoint, sent again after a failed call or a lost connection, held
 * while the endpoint was unreachable, spooled, dead-lettered (refused for good or given up).
 */
public final class DeliveryCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder held = new LongAdder();

    public void sent(int records, boolean fromSpool) {
        sent.add(records);
        if (fromSpool) {
            replayed.add(records);
        }
    }

    public void retried(int records) {
        retried.add(records);
    }

    public void spooled(int records) {
        spooled.add(records);
    }

    public void deadLettered(int records) {
        deadLettered.add(records);
    }

    /** A record waited because the endpoint could not be reached (yet). */
    public void held(int records) {
        held.add(records);
    }

    public long held() {
        return held.sum();
    }

    public long sent() {
        return sent.sum();
    }

    /** Of {@link #sent()}, those that came from the spool. */
    public long replayed() {
        return replayed.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long spooled() {
        return spooled.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }
}
