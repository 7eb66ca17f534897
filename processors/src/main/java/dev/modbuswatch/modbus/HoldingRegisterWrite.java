package dev.modbuswatch.modbus;

/** The holding registers a request writes: function 6, 16, 22 (one register, its OR mask), or the write half of 23. */
public record HoldingRegisterWrite(int start, int quantity, Registers values) {

    /** @return the write, or null when the PDU writes no holding register */
    public static HoldingRegisterWrite of(ModbusPdu pdu) {
        if (pdu instanceof WriteSingleRegisterRequest single) {
            return new HoldingRegisterWrite(single.registerAddress(), 1, Registers.of(single.registerValue()));
        }
        if (pdu instanceof MaskWriteRegisterRequest mask) {
            return new HoldingRegisterWrite(mask.referenceAddress(), 1, Registers.of(mask.orMask()));
        }
        if (pdu instanceof WriteMultipleRegistersRequest multiple) {
            return new HoldingRegisterWrite(multiple.startingAddress(), multiple.quantity(), multiple.registers());
        }
        if (pdu instanceof ReadWriteMultipleRegistersRequest readWrite) {
            return new HoldingRegisterWrite(readWrite.writeStartingAddress(), readWrite.quantityToWrite(),
                    readWrite.writeRegisters());
        }
        return null;
    }

    public boolean covers(int register) {
        return start <= register && register < start + quantity;
    }

    /** The values written from {@code register} on. */
    public Registers valuesFrom(int register) {
        int[] from = new int[Math.max(0, values.size() - (register - start))];
        for (int i = 0; i < from.length; i++) {
            from[i] = values.getInt(register - start + i);
        }
        return Registers.of(from);
    }
}
