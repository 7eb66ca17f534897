package dev.modbuswatch.correlate;

/**
 * A request and its response; either may be missing (timeout, orphan, unobserved).
 *
 * @param unobserved whether the sensor may have missed part of it: the request was pending while the sensor did not
 *                   see the traffic, or the response came just after such a time with no request pending
 */
public record ModbusTransaction(ModbusMessage request, ModbusMessage response, boolean unobserved) {

    public ModbusTransaction(ModbusMessage request, ModbusMessage response) {
        this(request, response, false);
    }

    public static ModbusTransaction of(ModbusMessage message) {
        return message.isResponse() ? new ModbusTransaction(null, message) : new ModbusTransaction(message, null);
    }

    /** This transaction, noted as pending (or begun) while the sensor did not see all the traffic. */
    public ModbusTransaction asUnobserved() {
        return unobserved ? this : new ModbusTransaction(request, response, true);
    }

    /** This transaction with its response. */
    public ModbusTransaction answeredBy(ModbusMessage answer) {
        return new ModbusTransaction(request, answer, unobserved);
    }

    /** Complete once answered, or when a response arrives with nothing pending. */
    public boolean complete() {
        return response != null;
    }

    public TransactionStatus status() {
        if (request == null) {
            return unobserved ? TransactionStatus.unobserved : TransactionStatus.orphan;
        }
        if (response == null) {
            return unobserved ? TransactionStatus.unobserved : TransactionStatus.timeout;
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
