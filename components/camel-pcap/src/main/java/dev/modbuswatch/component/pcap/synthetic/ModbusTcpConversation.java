package dev.modbuswatch.component.pcap.synthetic;

import dev.modbuswatch.component.pcap.packet.FrameBuilder;
import dev.modbuswatch.component.pcap.packet.TcpSegment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Writes a believable Modbus/TCP connection as Ethernet frames: handshake, requests and responses each acknowledging
 * the other side, and the closing FINs, with sequence numbers kept right. Each frame is {@code step} later than the
 * one before. For the sample capture, benchmark captures and tests.
 */
public final class ModbusTcpConversation {

    private final FrameBuilder toServer;
    private final FrameBuilder toClient;
    private final FrameSink sink;
    private long clientSequence;
    private long serverSequence;
    private long nanosSinceEpoch;
    private long stepNanos = 1_000_000;

    public ModbusTcpConversation(InetAddress client, int clientPort, InetAddress server, int serverPort,
                                 long startEpochSecond, FrameSink sink) {
        this.toServer = FrameBuilder.tcp(client, clientPort, server, serverPort);
        this.toClient = FrameBuilder.tcp(server, serverPort, client, clientPort);
        this.sink = sink;
        this.nanosSinceEpoch = startEpochSecond * 1_000_000_000L;
        this.clientSequence = 0x1000_0000L + clientPort * 7919L & 0xFFFF_FFFFL;
        this.serverSequence = 0x5000_0000L + serverPort * 104729L & 0xFFFF_FFFFL;
    }

    /** The Modbus/TCP ADU of a PDU: MBAP header (protocol 0, length = unit + PDU) then the PDU. */
    public static byte[] adu(int transactionId, int unitId, byte[] pdu) {
        return ByteBuffer.allocate(7 + pdu.length).putShort((short) transactionId).putShort((short) 0)
                .putShort((short) (pdu.length + 1)).put((byte) unitId).put(pdu).array();
    }

    /** Time between consecutive frames. */
    public ModbusTcpConversation step(long nanos) {
        stepNanos = nanos;
        return this;
    }

    /** Sets the time of the next frame, so that several conversations can be interleaved on one clock. */
    public ModbusTcpConversation at(long nanosSinceEpoch) {
        this.nanosSinceEpoch = nanosSinceEpoch;
        return this;
    }

    /** Moves the clock forward without writing anything. */
    public ModbusTcpConversation pause(long nanos) {
        nanosSinceEpoch += nanos;
        return this;
    }

    public ModbusTcpConversation open() throws IOException {
        emit(toServer.sequence(clientSequence).acknowledgement(0).flags(TcpSegment.SYN).payload(new byte[0]));
        emit(toClient.sequence(serverSequence).acknowledgement(clientSequence + 1)
                .flags(TcpSegment.SYN | TcpSegment.ACK).payload(new byte[0]));
        clientSequence++;
        serverSequence++;
        emit(toServer.sequence(clientSequence).acknowledgement(serverSequence).flags(TcpSegment.ACK)
                .payload(new byte[0]));
        return this;
    }

    /** One segment from the client carrying {@code bytes} (one or several ADUs, or part of one). */
    public ModbusTcpConversation fromClient(byte[] bytes) throws IOException {
        clientSequence = send(toServer, clientSequence, serverSequence, bytes);
        return this;
    }

    /** One segment from the server carrying {@code bytes}. */
    public ModbusTcpConversation fromServer(byte[] bytes) throws IOException {
        serverSequence = send(toClient, serverSequence, clientSequence, bytes);
        return this;
    }

    /** A request and its response, each in its own segment. */
    public ModbusTcpConversation exchange(byte[] request, byte[] response) throws IOException {
        return fromClient(request).fromServer(response);
    }

    public ModbusTcpConversation close() throws IOException {
        emit(toServer.sequence(clientSequence).acknowledgement(serverSequence)
                .flags(TcpSegment.FIN | TcpSegment.ACK).payload(new byte[0]));
        clientSequence++;
        emit(toClient.sequence(serverSequence).acknowledgement(clientSequence)
                .flags(TcpSegment.FIN | TcpSegment.ACK).payload(new byte[0]));
        serverSequence++;
        emit(toServer.sequence(clientSequence).acknowledgement(serverSequence).flags(TcpSegment.ACK)
                .payload(new byte[0]));
        return this;
    }

    private long send(FrameBuilder direction, long sequence, long acknowledgement, byte[] bytes) throws IOException {
        emit(direction.sequence(sequence).acknowledgement(acknowledgement).flags(TcpSegment.PSH | TcpSegment.ACK)
                .payload(bytes));
        return sequence + bytes.length & 0xFFFF_FFFFL;
    }

    private void emit(FrameBuilder frame) throws IOException {
        sink.write(Math.floorDiv(nanosSinceEpoch, 1_000_000_000L), (int) Math.floorMod(nanosSinceEpoch, 1_000_000_000L),
                frame.ethernet());
        nanosSinceEpoch += stepNanos;
    }
}
