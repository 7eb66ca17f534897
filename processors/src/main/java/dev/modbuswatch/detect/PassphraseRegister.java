package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.ModbusAdu;

/** Which register of a device takes the passphrase; -1 when the device has none. */
@FunctionalInterface
public interface PassphraseRegister {

    int registerFor(ModbusAdu adu);

    static PassphraseRegister always(int register) {
        return adu -> register;
    }
}
