package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.event.IpAddressText;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * The correlation key of a Modbus transaction: the TCP connection (client address and port, server address and port)
 * and the MBAP transaction and unit identifiers. Matching on transaction ID and addresses alone would pair the
 * requests of two connections from one host. As an {@link Expression}, the key of the message in the body.
 */
public final class TransactionKey implements Expression {

    public String of(ModbusMessage message) {
        ModbusAdu adu = message.adu();
        TcpConnection connection = adu.connection();
        return new StringBuilder(64)
                .append(IpAddressText.of(connection.client())).append(':').append(connection.clientPort())
                .append('>').append(IpAddressText.of(connection.server())).append(':').append(connection.serverPort())
                .append('#').append(adu.transactionId()).append('/').append(adu.unitId())
                .toString();
    }

    @Override
    public <T> T evaluate(Exchange exchange, Class<T> type) {
        return type.cast(of(exchange.getMessage().getBody(ModbusMessage.class)));
    }
}
