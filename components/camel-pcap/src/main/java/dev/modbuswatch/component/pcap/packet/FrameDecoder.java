package dev.modbuswatch.component.pcap.packet;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Finds the TCP segment in a captured frame by reading the link, IP and TCP headers at their fixed offsets.
 * The segment's payload is a window on the frame's array and ends where the IP packet ends, so link-layer
 * padding and trailers never become payload.
 * <p>
 * An instance remembers how much of the last segment's payload the frame lacks ({@link #missingPayloadBytes()}),
 * which {@link TcpSegment} has no field for; use one instance per capturing thread.
 */
public final class FrameDecoder {

    /**
     * {@link #missingPayloadBytes()} of a first IP fragment: the segment's header is here, but the rest of its
     * payload travels in later fragments, which this decoder does not reassemble, so its size is unknown.
     */
    public static final int REST_IN_LATER_FRAGMENTS = -1;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_LEGACY = 0x9100;

    private static final int AF_INET = 2;
    private static final int AF_INET6_NETBSD_OPENBSD = 24;
    private static final int AF_INET6_FREEBSD = 28;
    private static final int AF_INET6_DARWIN = 30;

    private static final int IPV4_MINIMUM_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int IPV6_MINIMUM_EXTENSION_HEADER = 8;
    private static final int TCP_MINIMUM_HEADER = 20;

    private int missingPayloadBytes;

    /**
     * @return the frame's TCP segment, or null when the frame is well formed but carries no TCP header (ARP, UDP,
     *         ICMP, a non-first IP fragment, ...); a first IP fragment gives a segment with the part of the payload
     *         that fragment carries
     * @throws FrameDecodeException when the frame ends inside a header or a header field contradicts the others
     */
    public TcpSegment decode(CapturedFrame frame) throws FrameDecodeException {
        missingPayloadBytes = 0;
        return switch (frame.linkType()) {
            case LinkType.ETHERNET -> afterEtherType(frame, "Ethernet header", 12, 14);
            case LinkType.LINUX_SLL -> afterEtherType(frame, "Linux SLL header", 14, 16);
            case LinkType.LINUX_SLL2 -> afterEtherType(frame, "Linux SLL2 header", 0, 20);
            case LinkType.RAW, LinkType.RAW_DLT_12, LinkType.RAW_DLT_14 -> rawIp(frame);
            case LinkType.IPV4 -> ipv4(frame, 0);
            case LinkType.IPV6 -> ipv6(frame, 0);
            case LinkType.NULL, LinkType.LOOP -> loopback(frame);
            default -> throw new FrameDecodeException("unsupported link type " + frame.linkType());
        };
    }

    /**
     * How many bytes of the payload of the segment last returned by {@link #decode} the frame lacks: 0 when it is
     * complete, the bytes the snapshot length cut off, or {@link #REST_IN_LATER_FRAGMENTS}. The segment's
     * length in sequence space is {@code payloadLength() + missingPayloadBytes()} when that is not negative.
     */
    public int missingPayloadBytes() {
        return missingPayloadBytes;
    }

    /** For link headers with an EtherType field; libpcap puts VLAN tags right after the header. */
    private TcpSegment afterEtherType(CapturedFrame frame, String header, int typeOffset, int headerLength)
            throws FrameDecodeException {
        byte[] data = frame.data();
        requireCaptured(data, 0, headerLength, header);
        int type = u16(data, typeOffset);
        int offset = headerLength;
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_LEGACY) {
            requireCaptured(data, offset, 4, "VLAN tag");
            type = u16(data, offset + 2);
            offset += 4;
        }
        return switch (type) {
            case ETHERTYPE_IPV4 -> ipv4(frame, offset);
            case ETHERTYPE_IPV6 -> ipv6(frame, offset);
            default -> null;
        };
    }

    private TcpSegment rawIp(CapturedFrame frame) throws FrameDecodeException {
        requireCaptured(frame.data(), 0, 1, "IP header");
        int version = ipVersion(frame.data(), 0);
        return switch (version) {
            case 4 -> ipv4(frame, 0);
            case 6 -> ipv6(frame, 0);
            default -> throw new FrameDecodeException("raw IP packet has version " + version + ", neither 4 nor 6");
        };
    }

    private TcpSegment loopback(CapturedFrame frame) throws FrameDecodeException {
        byte[] data = frame.data();
        requireCaptured(data, 0, 4, "loopback header");
        int family = u32AsInt(data, 0);
        if ((family & 0xFFFF0000) != 0) {
            // Families are small numbers: the high half is set only when a little-endian host wrote them.
            family = Integer.reverseBytes(family);
        }
        return switch (family) {
            case AF_INET -> ipv4(frame, 4);
            case AF_INET6_NETBSD_OPENBSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> ipv6(frame, 4);
            default -> null;
        };
    }

    private TcpSegment ipv4(CapturedFrame frame, int offset) throws FrameDecodeException {
        byte[] data = frame.data();
        requireCaptured(data, offset, IPV4_MINIMUM_HEADER, "IPv4 header");
        requireVersion(data, offset, 4);
        int headerLength = (data[offset] & 0x0F) * 4;
        if (headerLength < IPV4_MINIMUM_HEADER) {
            throw new FrameDecodeException("IPv4 header length " + headerLength + " < " + IPV4_MINIMUM_HEADER);
        }
        requireCaptured(data, offset, headerLength, "IPv4 header");
        int totalLength = u16(data, offset + 2);
        if (totalLength < headerLength) {
            throw new FrameDecodeException(
                    "IPv4 total length " + totalLength + " < header length " + headerLength);
        }
        totalLength = lengthOnWire(frame, offset, totalLength);
        int fragmentField = u16(data, offset + 6);
        boolean laterFragment = (fragmentField & 0x1FFF) != 0;
        if (laterFragment || (data[offset + 9] & 0xFF) != IpProtocol.TCP) {
            return null;
        }
        boolean moreFragments = (fragmentField & 0x2000) != 0;
        return tcp(frame, offset, offset + headerLength, offset + totalLength, moreFragments);
    }

    private TcpSegment ipv6(CapturedFrame frame, int offset) throws FrameDecodeException {
        byte[] data = frame.data();
        requireCaptured(data, offset, IPV6_HEADER, "IPv6 header");
        requireVersion(data, offset, 6);
        int payloadLength = u16(data, offset + 4);
        if (payloadLength == 0) {
            throw new FrameDecodeException("IPv6 payload length 0 (jumbogram) is not supported");
        }
        payloadLength = lengthOnWire(frame, offset + IPV6_HEADER, payloadLength);
        int packetEnd = offset + IPV6_HEADER + payloadLength;
        int next = data[offset + 6] & 0xFF;
        int cursor = offset + IPV6_HEADER;
        boolean fragmented = false;
        while (next != IpProtocol.TCP) {
            String header = extensionHeaderName(next);
            if (header == null) {
                return null;
            }
            String packet = packetName(6, fragmented);
            requireHeader(data, cursor, IPV6_MINIMUM_EXTENSION_HEADER, packetEnd, packet, header);
            int headerLength = switch (next) {
                case IpProtocol.FRAGMENT -> IPV6_MINIMUM_EXTENSION_HEADER;
                case IpProtocol.AUTHENTICATION -> ((data[cursor + 1] & 0xFF) + 2) * 4;
                default -> ((data[cursor + 1] & 0xFF) + 1) * 8;
            };
            requireHeader(data, cursor, headerLength, packetEnd, packet, header);
            if (next == IpProtocol.FRAGMENT) {
                int fragmentField = u16(data, cursor + 2);
                if ((fragmentField & 0xFFF8) != 0) {
                    return null;
                }
                fragmented |= (fragmentField & 0x0001) != 0;
            }
            next = data[cursor] & 0xFF;
            cursor += headerLength;
        }
        return tcp(frame, offset, cursor, packetEnd, fragmented);
    }

    private TcpSegment tcp(CapturedFrame frame, int ipOffset, int offset, int packetEnd, boolean fragmented)
            throws FrameDecodeException {
        byte[] data = frame.data();
        int version = ipVersion(data, ipOffset);
        String packet = packetName(version, fragmented);
        requireHeader(data, offset, TCP_MINIMUM_HEADER, packetEnd, packet, "TCP header");
        int dataOffset = (data[offset + 12] & 0xF0) >>> 4;
        if (dataOffset < 5) {
            throw new FrameDecodeException("TCP data offset " + dataOffset + " < 5");
        }
        int headerLength = dataOffset * 4;
        requireHeader(data, offset, headerLength, packetEnd, packet, "TCP header");

        int payloadOffset = offset + headerLength;
        int capturedEnd = Math.min(packetEnd, data.length);
        missingPayloadBytes = fragmented ? REST_IN_LATER_FRAGMENTS : packetEnd - capturedEnd;
        int addressLength = version == 4 ? 4 : 16;
        int sourceOffset = ipOffset + (version == 4 ? 12 : 8);
        return new TcpSegment(frame.epochSecond(), frame.nanos(),
                address(data, sourceOffset, addressLength), u16(data, offset),
                address(data, sourceOffset + addressLength, addressLength), u16(data, offset + 2),
                u32(data, offset + 4), u32(data, offset + 8), data[offset + 13] & 0xFF,
                data, payloadOffset, capturedEnd - payloadOffset);
    }

    private static String extensionHeaderName(int nextHeader) {
        return switch (nextHeader) {
            case IpProtocol.HOP_BY_HOP_OPTIONS -> "IPv6 hop-by-hop options header";
            case IpProtocol.ROUTING -> "IPv6 routing header";
            case IpProtocol.FRAGMENT -> "IPv6 fragment header";
            case IpProtocol.DESTINATION_OPTIONS -> "IPv6 destination options header";
            case IpProtocol.AUTHENTICATION -> "IPv6 authentication header";
            default -> null;
        };
    }

    /** Literals only: this runs for every packet, the messages it serves rarely. */
    private static String packetName(int ipVersion, boolean fragmented) {
        if (ipVersion == 4) {
            return fragmented ? "IPv4 fragment" : "IPv4 packet";
        }
        return fragmented ? "IPv6 fragment" : "IPv6 packet";
    }

    private static void requireVersion(byte[] data, int offset, int expected) throws FrameDecodeException {
        int version = ipVersion(data, offset);
        if (version != expected) {
            throw new FrameDecodeException("IPv" + expected + " header has version " + version);
        }
    }

    /**
     * An IP length field that claims more than the wire carried is cut to what the frame had (as tshark does), so a
     * bogus length costs no data.
     */
    private static int lengthOnWire(CapturedFrame frame, int offset, int length) {
        return Math.min(length, Math.max(frame.originalLength(), frame.data().length) - offset);
    }

    private static void requireHeader(byte[] data, int offset, int length, int packetEnd, String packet,
                                      String header) throws FrameDecodeException {
        if (offset + length > packetEnd) {
            throw new FrameDecodeException("%s runs past the end of the %s: %d of %d bytes"
                    .formatted(header, packet, packetEnd - offset, length));
        }
        requireCaptured(data, offset, length, header);
    }

    private static void requireCaptured(byte[] data, int offset, int length, String header)
            throws FrameDecodeException {
        if (offset + length > data.length) {
            throw new FrameDecodeException("frame truncated in %s: %d of %d bytes captured"
                    .formatted(header, data.length - offset, length));
        }
    }

    private static InetAddress address(byte[] data, int offset, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(data, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new AssertionError("4 and 16 bytes are always an IP address", e);
        }
    }

    private static int ipVersion(byte[] data, int offset) {
        return (data[offset] & 0xF0) >>> 4;
    }

    private static int u16(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 8 | data[offset + 1] & 0xFF;
    }

    private static int u32AsInt(byte[] data, int offset) {
        return u16(data, offset) << 16 | u16(data, offset + 2);
    }

    private static long u32(byte[] data, int offset) {
        return Integer.toUnsignedLong(u32AsInt(data, offset));
    }
}
