package dev.modbuswatch.component.pcap.packet;

import java.net.InetAddress;

/**
 * A TCP segment taken out of a captured frame. The payload is a window on the frame's array, not a copy.
 *
 * @param flags TCP flag bits as on the wire (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80)
 */
public record TcpSegment(
        long epochSecond, int nanos,
        InetAddress source, int sourcePort,
        InetAddress destination, int destinationPort,
        long sequence, long acknowledgement, int flags,
        byte[] frame, int payloadOffset, int payloadLength) {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
