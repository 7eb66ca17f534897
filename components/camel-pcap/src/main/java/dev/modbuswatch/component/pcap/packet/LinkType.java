package dev.modbuswatch.component.pcap.packet;

/** The LINKTYPE_ values (tcpdump.org/linktypes.html) of the link layers {@link FrameDecoder} reads. */
public final class LinkType {

    /** BSD loopback: a 4-byte address family in the byte order of the capturing host. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as most systems number it; appears in some old capture files. */
    public static final int RAW_DLT_12 = 12;
    /** DLT_RAW as OpenBSD numbers it. */
    public static final int RAW_DLT_14 = 14;
    /** An IPv4 or IPv6 packet without a link header; its version field tells which. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL} with the family in network byte order. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }
}
