package dev.modbuswatch.detect;

import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.modbus.HoldingRegisterWrite;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Which transactions the write detections look at: those whose request writes holding registers. */
public final class HoldingRegisterWrites implements Predicate {

    public boolean requested(ModbusTransaction transaction) {
        return transaction.request() != null && HoldingRegisterWrite.of(transaction.request().pdu()) != null;
    }

    @Override
    public boolean matches(Exchange exchange) {
        return requested(exchange.getMessage().getBody(ModbusTransaction.class));
    }
}
