package dev.modbuswatch.detect;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.modbus.HoldingRegisterWrite;

import java.util.List;
import java.util.Map;

/**
 * Keeps attempted passphrases out of the events: in a request that writes the device's passphrase register, the
 * written values are replaced by their masked description (length and keyed hash), before the event is written or
 * copied into an alert. Unless showing passphrases is switched on.
 */
public final class PassphraseRedaction {

    private static final List<String> VALUE_FIELDS = List.of(
            "modbus.query.write_single_register.register_value",
            "modbus.query.write_multiple_registers.registers",
            "modbus.query.read_write_multiple_registers.write_registers_value",
            "modbus.query.mask_write_register.and_mask",
            "modbus.query.mask_write_register.or_mask");

    private final DeviceRules devices;
    private final PassphraseMask mask;

    public PassphraseRedaction(DeviceRules devices, PassphraseMask mask) {
        this.devices = devices;
        this.mask = mask;
    }

    /** {@link #request} for each message of a batch. */
    public void requests(List<ModbusMessage> messages) {
        messages.forEach(this::request);
    }

    public void request(ModbusMessage request) {
        if (mask.shows() || request.isResponse()) {
            return;
        }
        HoldingRegisterWrite write = HoldingRegisterWrite.of(request.pdu());
        if (!devices.coversPassphrase(request.adu(), write)) {
            return;
        }
        String masked = mask.describe(write.valuesFrom(devices.passphraseRegister(request.adu())));
        Map<String, String> event = request.event();
        for (String field : VALUE_FIELDS) {
            if (event.containsKey(field)) {
                event.put(field, masked);
            }
        }
    }
}
