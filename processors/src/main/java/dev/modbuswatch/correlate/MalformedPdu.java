package dev.modbuswatch.correlate;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Whether the message in the body has a PDU that broke the protocol (its event is flagged malformed). */
public final class MalformedPdu implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getMessage().getBody(ModbusMessage.class).pdu() == null;
    }
}
