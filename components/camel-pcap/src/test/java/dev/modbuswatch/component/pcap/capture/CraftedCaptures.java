package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Captures made byte by byte for what the shared real-world captures lack, with the frames a reader must find in
 * them. libpcap reads each of them too.
 */
final class CraftedCaptures {

    static final int ETHERNET = 1;
    static final int LINUX_SLL = 113;
    static final int RAW = 101;

    private CraftedCaptures() {
    }

    /** Classic pcap with snapshot length 64 and a record of 100 captured bytes, which libpcap cuts to 64. */
    static PcapBuilder recordLongerThanSnaplen() {
        return new PcapBuilder(ByteOrder.LITTLE_ENDIAN, PcapBuilder.MICROSECONDS, 64, ETHERNET)
                .record(1_700_000_000, 1, bytes(100, 1), 100)
                .record(1_700_000_001, 999_999, bytes(40, 2), 40);
    }

    static List<FrameValues> recordLongerThanSnaplenFrames() {
        return List.of(
                FrameValues.of(ETHERNET, 1_700_000_000, 1_000, 100, bytes(64, 1)),
                FrameValues.of(ETHERNET, 1_700_000_001, 999_999_000, 40, bytes(40, 2)));
    }

    /** Alexey Kuznetzov's patched format: record headers of 24 bytes. */
    static PcapBuilder kuznetzovRecords() {
        return new PcapBuilder(ByteOrder.BIG_ENDIAN, PcapBuilder.KUZNETZOV, 65535, ETHERNET)
                .record(1_700_000_000, 250_000, bytes(60, 1), 60)
                .record(1_700_000_002, 0, bytes(54, 2), 1514);
    }

    static List<FrameValues> kuznetzovFrames() {
        return List.of(
                FrameValues.of(ETHERNET, 1_700_000_000, 250_000_000, 60, bytes(60, 1)),
                FrameValues.of(ETHERNET, 1_700_000_002, 0, 1514, bytes(54, 2)));
    }

    /** Big-endian nanoseconds, with the "4-byte FCS" flags in the upper bits of the link type field. */
    static PcapBuilder linkTypeWithFcsFlags() {
        return new PcapBuilder(ByteOrder.BIG_ENDIAN, PcapBuilder.NANOSECONDS, 65535, 0x24000000 | LINUX_SLL)
                .record(1_700_000_000, 123_456_789, bytes(70, 1), 70);
    }

    static List<FrameValues> linkTypeWithFcsFlagsFrames() {
        return List.of(FrameValues.of(LINUX_SLL, 1_700_000_000, 123_456_789, 70, bytes(70, 1)));
    }

    /**
     * One pcapng section with every block kind and time stamp resolution libpcap reads: libpcap refuses files whose
     * interfaces differ in link type or snapshot length, or whose sections differ in byte order.
     */
    static PcapngBuilder everyBlockKind(ByteOrder order) {
        return new PcapngBuilder().section(order)
                .customBlock(20)
                .interfaceDescription(ETHERNET, 65535, null, 3600L)
                .interfaceDescription(ETHERNET, 65535, 0x80 | 20, null)
                .interfaceDescription(ETHERNET, 65535, 9, null)
                .interfaceDescription(ETHERNET, 65535, 12, null)
                .enhancedPacket(0, 1_700_000_000_123_456L, bytes(60, 1), 60)
                .enhancedPacket(1, 1_700_000_000L << 20 | 1 << 19, bytes(61, 2), 61)
                .enhancedPacket(1, 5L << 20 | 1, bytes(62, 3), 62)
                .enhancedPacket(2, 1_700_000_001_000_000_007L, bytes(63, 4), 1514)
                .enhancedPacket(3, 5_000_000_123_456L, bytes(64, 5), 64)
                .customBlock(0)
                .obsoletePacket(1, 1_700_000_002L << 20, bytes(65, 6), 65)
                .simplePacket(bytes(66, 7), 66);
    }

    static List<FrameValues> everyBlockKindFrames() {
        return List.of(
                FrameValues.of(ETHERNET, 1_700_003_600, 123_456_000, 60, bytes(60, 1)),
                FrameValues.of(ETHERNET, 1_700_000_000, 500_000_000, 61, bytes(61, 2)),
                // one tick of 2^-20 s is 953.67 ns, truncated as libpcap does
                FrameValues.of(ETHERNET, 5, 953, 62, bytes(62, 3)),
                FrameValues.of(ETHERNET, 1_700_000_001, 7, 1514, bytes(63, 4)),
                FrameValues.of(ETHERNET, 5, 123, 64, bytes(64, 5)),
                FrameValues.of(ETHERNET, 1_700_000_002, 0, 65, bytes(65, 6)),
                // a simple packet block has no time stamp, and comes from interface 0 with its offset
                FrameValues.of(ETHERNET, 3600, 0, 66, bytes(66, 7)));
    }
}
