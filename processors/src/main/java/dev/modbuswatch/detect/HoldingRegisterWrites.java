package dev.modbuswatch.detect;

import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.modbus.HoldingRegisterWrite;

/** Which transactions the write detections look at: those whose request writes holding registers. */
public final class HoldingRegisterWrites {

    public boolean requested(ModbusTransaction transaction) {
        return transaction.request() != null && HoldingRegisterWrite.of(transaction.request().pdu()) != null;
    }
}
