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
    orphan
}
