package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.modbus.HoldingRegisterWrite;

/** What the detections need to know about the device an ADU was sent to or from. */
public interface DeviceRules {

    /** The register that takes the passphrase, or -1 when the device has none. */
    int passphraseRegister(ModbusAdu adu);

    /** Whether a write of {@code quantity} registers from {@code start} touches a protected register. */
    boolean coversProtected(ModbusAdu adu, int start, int quantity);

    /** Whether the write covers the device's passphrase register. */
    default boolean coversPassphrase(ModbusAdu adu, HoldingRegisterWrite write) {
        int register = passphraseRegister(adu);
        return register >= 0 && write != null && write.covers(register);
    }
}
