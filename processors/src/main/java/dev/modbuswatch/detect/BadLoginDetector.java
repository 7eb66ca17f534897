package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.HoldingRegisterWrite;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.TransactionStatus;

/**
 * {@code Bad login}: a write (function 6, 16, or the write half of 23) whose register range covers the passphrase
 * register, answered by an exception on the same connection. The alert is the exception response's event, tagged in
 * place with {@code SecurityAlert} and {@code SecurityDetails} describing the request.
 */
public final class BadLoginDetector {

    public static final String NAME = "Bad login";

    private final DeviceRules devices;
    private final PassphraseMask mask;

    public BadLoginDetector(DeviceRules devices, PassphraseMask mask) {
        this.devices = devices;
        this.mask = mask;
    }

    /** @return the alert, or null when the transaction is not a bad login */
    public Alert detect(ModbusTransaction transaction) {
        if (transaction.status() != TransactionStatus.exception) {
            return null;
        }
        ModbusMessage request = transaction.request();
        HoldingRegisterWrite write = HoldingRegisterWrite.of(request.pdu());
        if (!devices.coversPassphrase(request.adu(), write)) {
            return null;
        }
        String details = RequestDescription.of(request, write).append("; ")
                .append(mask.describe(write.valuesFrom(devices.passphraseRegister(request.adu())))).toString();
        return Alert.onEvent(NAME, transaction.response().event(), details, transaction);
    }
}
