package dev.modbuswatch.component.pcap.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds frames that carry one TCP segment, with the IPv4 header checksum and the TCP checksum filled in, for
 * sample captures, benchmarks and tests. The addresses' type picks IPv4 or IPv6. Settings stay until changed, so
 * one builder writes one direction of a conversation: {@code builder.sequence(s).payload(p).ethernet()}.
 * Nothing is split: a frame marked as a fragment still carries the whole segment.
 */
public final class FrameBuilder {

    private static final byte[] DESTINATION_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final byte[] SOURCE_MAC = {0x02, 0, 0, 0, 0, 0x01};
    private static final int ETHERNET_MINIMUM_FRAME = 60; // without the frame check sequence
    private static final int ARPHRD_ETHER = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6_DARWIN = 30;
    private static final int TTL = 64;

    private final InetAddress source;
    private final int sourcePort;
    private final InetAddress destination;
    private final int destinationPort;
    private final boolean ipv4;

    private long sequence;
    private long acknowledgement;
    private int flags = TcpSegment.ACK;
    private int window = 65535;
    private byte[] tcpOptions = new byte[0];
    private byte[] payload = new byte[0];
    private byte[] ipv4Options = new byte[0];
    private final List<ExtensionHeader> ipv6ExtensionHeaders = new ArrayList<>();
    private int fragmentOffset;
    private boolean moreFragments;
    private final List<VlanTag> vlanTags = new ArrayList<>(); // outermost first

    private FrameBuilder(InetAddress source, int sourcePort, InetAddress destination, int destinationPort) {
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source " + source + " and destination " + destination
                    + " are of different IP versions");
        }
        this.source = source;
        this.sourcePort = port(sourcePort);
        this.destination = destination;
        this.destinationPort = port(destinationPort);
        this.ipv4 = source instanceof Inet4Address;
    }

    /** A segment from source to destination; the flags start as ACK, everything else as zero or empty. */
    public static FrameBuilder tcp(InetAddress source, int sourcePort, InetAddress destination, int destinationPort) {
        return new FrameBuilder(source, sourcePort, destination, destinationPort);
    }

    public FrameBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    public FrameBuilder acknowledgement(long acknowledgement) {
        this.acknowledgement = acknowledgement;
        return this;
    }

    /** @param flags the {@link TcpSegment} flag constants or'ed together */
    public FrameBuilder flags(int flags) {
        this.flags = flags;
        return this;
    }

    public FrameBuilder window(int window) {
        this.window = window;
        return this;
    }

    public FrameBuilder payload(byte[] payload) {
        this.payload = payload.clone();
        return this;
    }

    /** @param options TCP options as on the wire, padded by the caller to a multiple of 4 bytes */
    public FrameBuilder tcpOptions(byte[] options) {
        this.tcpOptions = wordAligned(options, "TCP options");
        return this;
    }

    /** @param options IPv4 options as on the wire, padded by the caller to a multiple of 4 bytes */
    public FrameBuilder ipv4Options(byte[] options) {
        if (!ipv4) {
            throw new IllegalArgumentException("IPv4 options on an IPv6 packet");
        }
        this.ipv4Options = wordAligned(options, "IPv4 options");
        return this;
    }

    /**
     * Appends an IPv6 extension header whose options or data are all zero (Pad1 options).
     *
     * @param nextHeader {@link IpProtocol#HOP_BY_HOP_OPTIONS}, {@link IpProtocol#ROUTING},
     *                   {@link IpProtocol#DESTINATION_OPTIONS} or {@link IpProtocol#AUTHENTICATION}
     * @param length     the whole header's length, a multiple of 8
     */
    public FrameBuilder ipv6ExtensionHeader(int nextHeader, int length) {
        if (ipv4) {
            throw new IllegalArgumentException("IPv6 extension header on an IPv4 packet");
        }
        if (nextHeader != IpProtocol.HOP_BY_HOP_OPTIONS && nextHeader != IpProtocol.ROUTING
                && nextHeader != IpProtocol.DESTINATION_OPTIONS && nextHeader != IpProtocol.AUTHENTICATION) {
            throw new IllegalArgumentException("IPv6 extension header " + nextHeader
                    + " is not one this builder writes; for fragments use fragment(...)");
        }
        if (length < 8 || length % 8 != 0 || length > 2048) {
            throw new IllegalArgumentException("IPv6 extension header length " + length + " is not 8, 16, ... 2048");
        }
        ipv6ExtensionHeaders.add(new ExtensionHeader(nextHeader, length));
        return this;
    }

    /**
     * Marks the packet as an IP fragment: IPv4 sets its fragment fields, IPv6 gets a fragment header after any
     * other extension headers.
     *
     * @param offset        the fragment's offset in the original payload, a multiple of 8
     * @param moreFragments whether further fragments follow
     */
    public FrameBuilder fragment(int offset, boolean moreFragments) {
        if (offset < 0 || offset % 8 != 0 || offset > 0xFFF8) {
            throw new IllegalArgumentException("fragment offset " + offset + " is not a multiple of 8 up to 65528");
        }
        this.fragmentOffset = offset;
        this.moreFragments = moreFragments;
        return this;
    }

    /** Adds an 802.1Q tag (TPID 0x8100) inside those added before. */
    public FrameBuilder vlan(int id) {
        return tag(0x8100, id);
    }

    /** Adds an 802.1ad service tag (TPID 0x88A8) inside those added before. */
    public FrameBuilder serviceVlan(int id) {
        return tag(0x88A8, id);
    }

    /** The IP packet alone: a frame for {@link LinkType#RAW}, {@link LinkType#IPV4} and {@link LinkType#IPV6}. */
    public byte[] ip() {
        int tcpLength = 20 + tcpOptions.length + payload.length;
        ByteBuffer packet = ByteBuffer.allocate(ipHeadersLength() + tcpLength);
        if (ipv4) {
            writeIpv4Header(packet, tcpLength);
        } else {
            writeIpv6Headers(packet, tcpLength);
        }
        int tcpStart = packet.position();
        packet.putShort((short) sourcePort).putShort((short) destinationPort)
                .putInt((int) sequence).putInt((int) acknowledgement)
                .put((byte) ((20 + tcpOptions.length) / 4 << 4)).put((byte) flags).putShort((short) window)
                .putShort((short) 0) // checksum, below
                .putShort((short) 0) // urgent pointer
                .put(tcpOptions).put(payload);
        long sum = InternetChecksum.sum(pseudoHeader(tcpLength))
                + InternetChecksum.sum(packet.array(), tcpStart, tcpLength);
        packet.putShort(tcpStart + 16, InternetChecksum.complement(sum));
        return packet.array();
    }

    /** An Ethernet II frame with the VLAN tags added, zero-padded to the 60-byte minimum. */
    public byte[] ethernet() {
        byte[] ip = ip();
        int[] typeAndTags = typeAndTags();
        int length = 12 + 2 * typeAndTags.length + ip.length;
        ByteBuffer frame = ByteBuffer.allocate(Math.max(length, ETHERNET_MINIMUM_FRAME));
        frame.put(DESTINATION_MAC).put(SOURCE_MAC);
        putShorts(frame, typeAndTags, 0);
        return frame.put(ip).array();
    }

    /** A Linux cooked (SLL) frame as received from the source, the VLAN tags after the header as libpcap puts them. */
    public byte[] linuxSll() {
        byte[] ip = ip();
        int[] typeAndTags = typeAndTags();
        ByteBuffer frame = ByteBuffer.allocate(14 + 2 * typeAndTags.length + ip.length);
        frame.putShort((short) 0) // packet type: sent to this host
                .putShort((short) ARPHRD_ETHER)
                .putShort((short) SOURCE_MAC.length).put(SOURCE_MAC).putShort((short) 0); // address, 8 bytes
        putShorts(frame, typeAndTags, 0);
        return frame.put(ip).array();
    }

    /** A Linux cooked v2 (SLL2) frame as received from the source on interface 1, the VLAN tags after the header. */
    public byte[] linuxSll2() {
        byte[] ip = ip();
        int[] typeAndTags = typeAndTags();
        ByteBuffer frame = ByteBuffer.allocate(18 + 2 * typeAndTags.length + ip.length);
        frame.putShort((short) typeAndTags[0]).putShort((short) 0) // reserved
                .putInt(1) // interface index
                .putShort((short) ARPHRD_ETHER).put((byte) 0) // packet type: sent to this host
                .put((byte) SOURCE_MAC.length).put(SOURCE_MAC).putShort((short) 0); // address, 8 bytes
        putShorts(frame, typeAndTags, 1);
        return frame.put(ip).array();
    }

    /**
     * A BSD loopback frame: {@link LinkType#NULL} in the capturing host's byte order, {@link LinkType#LOOP} in
     * big endian. IPv6 uses Darwin's address family number, 30.
     */
    public byte[] loopback(ByteOrder order) {
        byte[] ip = ip();
        return ByteBuffer.allocate(4 + ip.length).order(order)
                .putInt(ipv4 ? AF_INET : AF_INET6_DARWIN).put(ip).array();
    }

    private void writeIpv4Header(ByteBuffer packet, int tcpLength) {
        int start = packet.position();
        int headerLength = 20 + ipv4Options.length;
        int fragmentField = fragmentOffset == 0 && !moreFragments
                ? 0x4000 // don't fragment
                : (moreFragments ? 0x2000 : 0) | fragmentOffset / 8;
        packet.put((byte) (0x40 | headerLength / 4)).put((byte) 0).putShort((short) (headerLength + tcpLength))
                .putShort((short) 0) // identification
                .putShort((short) fragmentField)
                .put((byte) TTL).put((byte) IpProtocol.TCP)
                .putShort((short) 0) // checksum, below
                .put(source.getAddress()).put(destination.getAddress()).put(ipv4Options);
        long sum = InternetChecksum.sum(packet.array(), start, headerLength);
        packet.putShort(start + 10, InternetChecksum.complement(sum));
    }

    private void writeIpv6Headers(ByteBuffer packet, int tcpLength) {
        List<ExtensionHeader> headers = new ArrayList<>(ipv6ExtensionHeaders);
        if (isFragment()) {
            headers.add(new ExtensionHeader(IpProtocol.FRAGMENT, 8));
        }
        packet.putInt(0x6000_0000).putShort((short) (ipHeadersLength() - 40 + tcpLength))
                .put((byte) (headers.isEmpty() ? IpProtocol.TCP : headers.get(0).type())).put((byte) TTL)
                .put(source.getAddress()).put(destination.getAddress());
        for (int i = 0; i < headers.size(); i++) {
            ExtensionHeader header = headers.get(i);
            packet.put((byte) (i + 1 < headers.size() ? headers.get(i + 1).type() : IpProtocol.TCP));
            switch (header.type()) {
                case IpProtocol.FRAGMENT -> packet.put((byte) 0)
                        .putShort((short) (fragmentOffset | (moreFragments ? 1 : 0)))
                        .putInt(1); // identification
                case IpProtocol.AUTHENTICATION -> packet.put((byte) (header.length() / 4 - 2))
                        .put(new byte[header.length() - 2]);
                default -> packet.put((byte) (header.length() / 8 - 1)).put(new byte[header.length() - 2]);
            }
        }
    }

    private int ipHeadersLength() {
        if (ipv4) {
            return 20 + ipv4Options.length;
        }
        int length = 40 + (isFragment() ? 8 : 0);
        for (ExtensionHeader header : ipv6ExtensionHeaders) {
            length += header.length();
        }
        return length;
    }

    private boolean isFragment() {
        return fragmentOffset != 0 || moreFragments;
    }

    private byte[] pseudoHeader(int tcpLength) {
        ByteBuffer header = ByteBuffer.allocate(ipv4 ? 12 : 40).put(source.getAddress()).put(destination.getAddress());
        if (ipv4) {
            header.put((byte) 0).put((byte) IpProtocol.TCP).putShort((short) tcpLength);
        } else {
            header.putInt(tcpLength).put(new byte[3]).put((byte) IpProtocol.TCP);
        }
        return header.array();
    }

    /** The link header's type field, then each tag's VLAN id and the next type field. */
    private int[] typeAndTags() {
        int[] values = new int[2 * vlanTags.size() + 1];
        for (int i = 0; i < vlanTags.size(); i++) {
            values[2 * i] = vlanTags.get(i).tpid();
            values[2 * i + 1] = vlanTags.get(i).id();
        }
        values[values.length - 1] = ipv4 ? 0x0800 : 0x86DD;
        return values;
    }

    private static void putShorts(ByteBuffer buffer, int[] values, int from) {
        for (int i = from; i < values.length; i++) {
            buffer.putShort((short) values[i]);
        }
    }

    private FrameBuilder tag(int tpid, int id) {
        if (id < 0 || id > 0x0FFF) {
            throw new IllegalArgumentException("VLAN id " + id + " is not in 0..4095");
        }
        vlanTags.add(new VlanTag(tpid, id));
        return this;
    }

    private static int port(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        return port;
    }

    private static byte[] wordAligned(byte[] options, String what) {
        if (options.length % 4 != 0 || options.length > 40) {
            throw new IllegalArgumentException(
                    what + " of " + options.length + " bytes: need a multiple of 4 up to 40");
        }
        return options.clone();
    }

    /** @param type its IPv6 next header value; @param length the whole header's length in bytes */
    private record ExtensionHeader(int type, int length) {
    }

    private record VlanTag(int tpid, int id) {
    }
}
