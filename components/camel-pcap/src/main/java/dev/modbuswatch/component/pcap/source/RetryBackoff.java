package dev.modbuswatch.component.pcap.source;

/** Waits between attempts to reopen a capture: doubling from a first wait up to a longest one. */
final class RetryBackoff {

    private final long firstNanos;
    private final long longestNanos;
    private long nextNanos;

    RetryBackoff(long firstNanos, long longestNanos) {
        this.firstNanos = firstNanos;
        this.longestNanos = longestNanos;
        this.nextNanos = firstNanos;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the longest. */
    long next() {
        long wait = nextNanos;
        nextNanos = Math.min(longestNanos, nextNanos * 2);
        return wait;
    }

    void reset() {
        nextNanos = firstNanos;
    }
}
