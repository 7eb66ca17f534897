package dev.modbuswatch.output;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What a remote output did with the records it was given, for the run summary. */
public final class DeliveryCounters {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private volatile LongSupplier waiting = () -> 0;

    public void sent() {
        sent.incrementAndGet();
    }

    /** A record had to wait in the buffer because there was no connection to the server (yet). */
    public void buffered() {
        buffered.incrementAndGet();
    }

    /** A record sent on a connection that was then lost is sent again (it may arrive twice). */
    public void resent() {
        resent.incrementAndGet();
    }

    public long resentCount() {
        return resent.get();
    }

    public void undelivered() {
        undelivered.incrementAndGet();
    }

    public void waitingIn(LongSupplier buffer) {
        waiting = buffer;
    }

    public long sentCount() {
        return sent.get();
    }

    public long bufferedCount() {
        return buffered.get();
    }

    public long undeliveredCount() {
        return undelivered.get();
    }

    /** @return records in the buffer right now */
    public long waitingCount() {
        return waiting.getAsLong();
    }

    @Override
    public String toString() {
        return sentCount() + " sent, " + bufferedCount() + " buffered while not connected, "
                + (resentCount() > 0 ? resentCount() + " sent again after a lost connection, " : "")
                + undeliveredCount() + " undelivered";
    }
}
