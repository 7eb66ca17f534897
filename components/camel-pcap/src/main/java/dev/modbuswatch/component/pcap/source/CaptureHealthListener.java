package dev.modbuswatch.component.pcap.source;

/** What a {@link ReopeningSource} reports about its capture, on the capture thread. Times in epoch milliseconds. */
public interface CaptureHealthListener {

    /** The capture failed; reopening is being retried. */
    void outageStarted(long startMillis, String cause);

    /** The capture could not be opened at start; opening is being retried as after an outage. */
    void startFailed(long startMillis, String cause);

    /**
     * The outage (or the failed start) is over.
     *
     * @param resumed true when the capture was reopened, false when it was stopped while still out
     */
    void outageEnded(long startMillis, long endMillis, String cause, boolean resumed);

    /**
     * libpcap's drop counters were read: {@code dropped} packets (maybe 0) were dropped by the kernel or the interface
     * between {@code sinceMillis} and {@code nowMillis}.
     */
    void dropsRead(long sinceMillis, long nowMillis, long dropped);

    /** The capture stopped; nothing more follows. */
    void stopped(long nowMillis);
}
