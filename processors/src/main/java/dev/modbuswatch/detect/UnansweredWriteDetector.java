package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.HoldingRegisterWrite;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.TransactionStatus;

/**
 * {@code Unanswered write}: a write to a protected or passphrase register that timed out. The request's event was
 * written long before, so the alert is a tagged copy of it.
 */
public final class UnansweredWriteDetector {

    public static final String NAME = "Unanswered write";

    private final DeviceRules devices;

    public UnansweredWriteDetector(DeviceRules devices) {
        this.devices = devices;
    }

    public Alert detect(ModbusTransaction transaction) {
        if (transaction.status() != TransactionStatus.timeout) {
            return null;
        }
        ModbusMessage request = transaction.request();
        HoldingRegisterWrite write = HoldingRegisterWrite.of(request.pdu());
        if (write == null) {
            return null;
        }
        boolean sensitive = devices.coversPassphrase(request.adu(), write)
                || devices.coversProtected(request.adu(), write.start(), write.quantity());
        if (!sensitive) {
            return null;
        }
        String details = RequestDescription.of(request, write).append("; no response").toString();
        return Alert.onCopy(NAME, request.event(), details, transaction);
    }
}
