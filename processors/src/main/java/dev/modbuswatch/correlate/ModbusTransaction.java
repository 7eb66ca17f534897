package dev.modbuswatch.correlate;

/** A request and its response; either may be missing (timeout, orphan). */
public record ModbusTransaction(ModbusMessage request, ModbusMessage response) {

    public static ModbusTransaction of(ModbusMessage message) {
        return message.isResponse() ? new ModbusTransaction(null, message) : new ModbusTransaction(message, null);
    }

    /** Complete once answered, or when a response arrives with nothing pending. */
    public boolean complete() {
        return response != null;
    }

    public TransactionStatus status() {
        if (request == null) {
            return TransactionStatus.orphan;
        }
        if (response == null) {
            return TransactionStatus.timeout;
        }
        // By the function code's high bit, so that a malformed exception response (undecoded) still counts.
        return (response.adu().pdu()[0] & 0x80) != 0 ? TransactionStatus.exception : TransactionStatus.ok;
    }

    /** Response time minus request time in nanoseconds, or -1 when either is missing. */
    public long latencyNanos() {
        return request == null || response == null ? -1 : response.captureNanos() - request.captureNanos();
    }

    /** The message the transaction is known by: the request, or the orphan response. */
    public ModbusMessage first() {
        return request != null ? request : response;
    }
}
