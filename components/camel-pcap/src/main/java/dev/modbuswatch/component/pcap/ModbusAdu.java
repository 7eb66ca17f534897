package dev.modbuswatch.component.pcap;

/**
 * One Modbus/TCP application data unit framed out of a TCP stream: the MBAP header fields and the PDU bytes
 * (function code first). The capture time and TCP flags are those of the segment that completed the ADU.
 *
 * @param fromServer true when the ADU travelled from the server port (a response), false for a request
 * @param length     the MBAP length field (unit identifier plus PDU)
 * @param pdu        function code and data; {@code length - 1} bytes
 */
public record ModbusAdu(
        long epochSecond, int nanos,
        TcpConnection connection, boolean fromServer, int tcpFlags,
        int transactionId, int protocolId, int length, int unitId,
        byte[] pdu) {
}
