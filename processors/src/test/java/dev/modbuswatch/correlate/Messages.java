package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.event.EventTimeFormat;
import dev.modbuswatch.event.ModbusEventMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** Modbus messages for correlation tests, as the capture route makes them (event included). */
public final class Messages {

    public static final TcpConnection CONNECTION = connection("10.20.0.5", 40001, "10.20.0.50", 502);
    public static final TcpConnection OTHER_CONNECTION = connection("10.20.0.6", 40002, "10.20.0.50", 502);
    /** 2023-11-14T22:13:20Z, in ns since the epoch. */
    public static final long START = 1_700_000_000_000_000_000L;
    private static final ModbusEventMapper EVENTS = new ModbusEventMapper(EventTimeFormat.of("UTC"), "pcap_in");

    private Messages() {
    }

    /** A passphrase write (function 16 at register 31) of transaction {@code id}, {@code afterNanos} after START. */
    public static ModbusMessage login(TcpConnection connection, int id, long afterNanos) {
        return message(connection, false, id, afterNanos, "10 001f 0002 04 6162 6364");
    }

    /** Its refusal: exception 02. */
    public static ModbusMessage refusal(TcpConnection connection, int id, long afterNanos) {
        return message(connection, true, id, afterNanos, "90 02");
    }

    public static ModbusMessage message(TcpConnection connection, boolean fromServer, int id, long afterNanos,
                                        String pduHex) {
        byte[] pdu = HexFormat.of().parseHex(pduHex.replace(" ", ""));
        long nanos = START + afterNanos;
        ModbusAdu adu = new ModbusAdu(nanos / 1_000_000_000L, (int) (nanos % 1_000_000_000L), connection, fromServer,
                0x18, id, 0, pdu.length + 1, 1, pdu);
        return EVENTS.toMessage(adu);
    }

    public static TcpConnection connection(String client, int clientPort, String server, int serverPort) {
        try {
            return new TcpConnection(InetAddress.getByName(client), clientPort, InetAddress.getByName(server),
                    serverPort);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
