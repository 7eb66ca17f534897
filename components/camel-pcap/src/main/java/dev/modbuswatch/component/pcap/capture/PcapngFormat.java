package dev.modbuswatch.component.pcap.capture;

/** Block types, option codes and limits of the pcapng format (IETF draft-ietf-opsawg-pcapng). */
final class PcapngFormat {

    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 0x00000001;
    /** Obsolete, replaced by the Enhanced Packet Block, still found in old files. */
    static final int PACKET = 0x00000002;
    static final int SIMPLE_PACKET = 0x00000003;
    static final int ENHANCED_PACKET = 0x00000006;

    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int VERSION_MAJOR = 1;
    static final int VERSION_MINOR = 0;

    static final int OPTION_END = 0;
    static final int OPTION_TSRESOL = 9;
    static final int OPTION_TSOFFSET = 14;

    /** Type and total length before the body, total length again after it. */
    static final int BLOCK_OVERHEAD = 12;
    /** libpcap refuses larger blocks; no real block comes near. */
    static final int MAX_BLOCK_LENGTH = 16 << 20;

    private PcapngFormat() {
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
