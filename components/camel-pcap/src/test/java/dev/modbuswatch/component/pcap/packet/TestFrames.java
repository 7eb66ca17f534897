package dev.modbuswatch.component.pcap.packet;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** The frames the packet tests build and the one way they turn bytes into a {@link CapturedFrame}. */
final class TestFrames {

    static final InetAddress CLIENT_V4 = literal("192.0.2.10");
    static final InetAddress SERVER_V4 = literal("192.0.2.20");
    static final InetAddress CLIENT_V6 = literal("2001:db8::10");
    static final InetAddress SERVER_V6 = literal("2001:db8::20");
    static final int CLIENT_PORT = 50123;
    static final int SERVER_PORT = 502;
    // Above 2^31 so that a signed read would show.
    static final long SEQUENCE = 0xFFFF_FFF0L;
    static final long ACKNOWLEDGEMENT = 0x8000_0001L;
    static final int FLAGS = TcpSegment.PSH | TcpSegment.ACK;
    /** A Modbus/TCP request: transaction 1, unit 4, read coils 1..1. */
    static final byte[] READ_COILS = hex("000100000006040100010001");

    static final long EPOCH_SECOND = 1_700_000_000L;
    static final int NANOS = 123_456_789;

    /** A way to put the IP packet into a frame, and the link type that names it. */
    record Link(String name, int linkType, Function<FrameBuilder, byte[]> frame) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Link> LINKS = List.of(
            new Link("Ethernet", LinkType.ETHERNET, FrameBuilder::ethernet),
            new Link("Linux SLL", LinkType.LINUX_SLL, FrameBuilder::linuxSll),
            new Link("Linux SLL2", LinkType.LINUX_SLL2, FrameBuilder::linuxSll2),
            new Link("raw IP", LinkType.RAW, FrameBuilder::ip),
            new Link("DLT_RAW 12", LinkType.RAW_DLT_12, FrameBuilder::ip),
            new Link("DLT_RAW 14", LinkType.RAW_DLT_14, FrameBuilder::ip),
            new Link("IPv4", LinkType.IPV4, FrameBuilder::ip),
            new Link("IPv6", LinkType.IPV6, FrameBuilder::ip),
            new Link("BSD loopback, little endian", LinkType.NULL, b -> b.loopback(ByteOrder.LITTLE_ENDIAN)),
            new Link("BSD loopback, big endian", LinkType.NULL, b -> b.loopback(ByteOrder.BIG_ENDIAN)),
            new Link("OpenBSD loopback", LinkType.LOOP, b -> b.loopback(ByteOrder.BIG_ENDIAN)));

    private TestFrames() {
    }

    static boolean carries(Link link, int ipVersion) {
        return !(link.linkType() == LinkType.IPV4 && ipVersion == 6 || link.linkType() == LinkType.IPV6 && ipVersion == 4);
    }

    /** A client request with every TCP field set; tests change what they need. */
    static FrameBuilder request(int ipVersion) {
        return FrameBuilder.tcp(ipVersion == 4 ? CLIENT_V4 : CLIENT_V6, CLIENT_PORT,
                        ipVersion == 4 ? SERVER_V4 : SERVER_V6, SERVER_PORT)
                .sequence(SEQUENCE).acknowledgement(ACKNOWLEDGEMENT).flags(FLAGS).payload(READ_COILS);
    }

    static CapturedFrame captured(int linkType, byte[] data) {
        return new CapturedFrame(linkType, EPOCH_SECOND, NANOS, data.length, data);
    }

    /** The frame as a capture with this snapshot length stores it. */
    static CapturedFrame snapped(int linkType, byte[] data, int snapLength) {
        return new CapturedFrame(linkType, EPOCH_SECOND, NANOS, data.length, Arrays.copyOf(data, snapLength));
    }

    static byte[] payload(TcpSegment segment) {
        return Arrays.copyOfRange(segment.frame(), segment.payloadOffset(),
                segment.payloadOffset() + segment.payloadLength());
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static void putShort(byte[] frame, int offset, int value) {
        frame[offset] = (byte) (value >>> 8);
        frame[offset + 1] = (byte) value;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
