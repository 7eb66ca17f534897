package dev.modbuswatch.correlate;

/** How a Modbus transaction ended. */
public enum TransactionStatus {
    /** Answered with a normal response. */
    ok,
    /** Answered with an exception response. */
    exception,
    /** Never answered within the completion timeout (or before the capture ended). */
    timeout,
    /** A response with no pending request. */
    orphan,
    /**
     * Not seen whole: a request that was pending while the sensor did not see the traffic (a restart, a capture outage,
     * kernel drops, a TCP gap on its connection) and got no answer, or a response whose request fell into such a time.
     * Not evidence of anything, so no alert.
     */
    unobserved
}
