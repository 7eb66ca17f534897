package dev.modbuswatch.output.delivery;

import java.util.concurrent.atomic.LongAdder;

/** Records of one output: accepted by the endpoint, sent again after a failed call, spooled, dead-lettered. */
public final class DeliveryCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder spooled = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    void sent(int records, boolean fromSpool) {
        sent.add(records);
        if (fromSpool) {
            replayed.add(records);
        }
    }

    void retried(int records) {
        retried.add(records);
    }

    void spooled(int records) {
        spooled.add(records);
    }

    void deadLettered(int records) {
        deadLettered.add(records);
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
