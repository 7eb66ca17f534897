package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.ModbusPdu;
import dev.modbuswatch.modbus.ReadWriteMultipleRegistersRequest;
import dev.modbuswatch.modbus.Registers;
import dev.modbuswatch.modbus.WriteMultipleRegistersRequest;
import dev.modbuswatch.modbus.WriteSingleRegisterRequest;

/** The holding registers a request writes: function 6, 16, or the write half of 23. */
record RegisterWrite(int start, int quantity, Registers values) {

    /** @return the write, or null when the PDU writes no holding register */
    static RegisterWrite of(ModbusPdu pdu) {
        if (pdu instanceof WriteSingleRegisterRequest single) {
            return new RegisterWrite(single.registerAddress(), 1, Registers.of(single.registerValue()));
        }
        if (pdu instanceof WriteMultipleRegistersRequest multiple) {
            return new RegisterWrite(multiple.startingAddress(), multiple.quantity(), multiple.registers());
        }
        if (pdu instanceof ReadWriteMultipleRegistersRequest readWrite) {
            return new RegisterWrite(readWrite.writeStartingAddress(), readWrite.quantityToWrite(),
                    readWrite.writeRegisters());
        }
        return null;
    }

    boolean covers(int register) {
        return start <= register && register < start + quantity;
    }

    /** The values written from {@code register} on. */
    Registers valuesFrom(int register) {
        int[] from = new int[Math.max(0, values.size() - (register - start))];
        for (int i = 0; i < from.length; i++) {
            from[i] = values.getInt(register - start + i);
        }
        return Registers.of(from);
    }
}
