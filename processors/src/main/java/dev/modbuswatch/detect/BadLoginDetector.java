package dev.modbuswatch.detect;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.TransactionStatus;
import dev.modbuswatch.modbus.FunctionCodes;

import java.util.Map;

/**
 * {@code Bad login}: a write (function 6, 16, or the write half of 23) whose register range covers the passphrase
 * register, answered by an exception on the same connection. The alert is the exception response's event, tagged in
 * place with {@code SecurityAlert} and {@code SecurityDetails} describing the request.
 */
public final class BadLoginDetector {

    public static final String ALERT = "Bad login";

    private final PassphraseRegister passphrase;
    private final PassphraseMask mask;

    public BadLoginDetector(PassphraseRegister passphrase, PassphraseMask mask) {
        this.passphrase = passphrase;
        this.mask = mask;
    }

    /** @return the tagged response event when the transaction is a bad login, otherwise null */
    public Map<String, String> detect(ModbusTransaction transaction) {
        if (transaction.status() != TransactionStatus.exception || transaction.request().pdu() == null) {
            return null;
        }
        ModbusMessage request = transaction.request();
        int register = passphrase.registerFor(request.adu());
        RegisterWrite write = RegisterWrite.of(request.pdu());
        if (register < 0 || write == null || !write.covers(register)) {
            return null;
        }
        Map<String, String> event = transaction.response().event();
        event.put(SecurityFields.ALERT, ALERT);
        event.put(SecurityFields.DETAILS, details(request, write, register));
        return event;
    }

    private String details(ModbusMessage request, RegisterWrite write, int register) {
        Map<String, String> fields = request.event();
        String ip = fields.containsKey("ipv4.src") ? "ipv4." : "ipv6.";
        return new StringBuilder(200)
                .append(FunctionCodes.label(request.adu().pdu()[0] & 0xFF, false))
                .append(" request from ").append(fields.get(ip + "src")).append(':').append(fields.get("tcp.src_port"))
                .append(" to ").append(fields.get(ip + "dst")).append(':').append(fields.get("tcp.dst_port"))
                .append(" at ").append(fields.get("EventTime"))
                .append(", transaction ").append(request.adu().transactionId())
                .append(", unit ").append(request.adu().unitId())
                .append(", starting address ").append(write.start())
                .append(", quantity ").append(write.quantity())
                .append("; ").append(mask.describe(write.valuesFrom(register)))
                .toString();
    }
}
