package dev.modbuswatch.component.pcap.capture;

import java.nio.ByteOrder;
import java.util.Optional;

/** The magic numbers that open a classic pcap file, and what each says about the records that follow. */
enum PcapMagic {

    MICROSECONDS(0xA1B2C3D4, 1_000, 16),
    NANOSECONDS(0xA1B23C4D, 1, 16),
    /** Alexey Kuznetzov's patched libpcap: each record header carries 8 more bytes (interface, protocol, type). */
    KUZNETZOV(0xA1B2CD34, 1_000, 24);

    /** Magic, version 2.4, time zone, significant figures, snapshot length, link type. */
    static final int FILE_HEADER_LENGTH = 24;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;
    /** The link type field's upper 6 bits may carry FCS information; the rest is the LINKTYPE_ value. */
    static final int LINK_TYPE_MASK = 0x03FFFFFF;

    /** As the first four bytes read in big-endian order when the file is big-endian. */
    final int value;
    final int nanosPerTick;
    final int recordHeaderLength;

    PcapMagic(int value, int nanosPerTick, int recordHeaderLength) {
        this.value = value;
        this.nanosPerTick = nanosPerTick;
        this.recordHeaderLength = recordHeaderLength;
    }

    /** @param firstFourBytes the file's first four bytes, read big-endian */
    static Optional<PcapMagic> find(int firstFourBytes) {
        for (PcapMagic magic : values()) {
            if (firstFourBytes == magic.value || firstFourBytes == Integer.reverseBytes(magic.value)) {
                return Optional.of(magic);
            }
        }
        return Optional.empty();
    }

    /** @param firstFourBytes the file's first four bytes, read big-endian */
    ByteOrder byteOrder(int firstFourBytes) {
        return firstFourBytes == value ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    static PcapMagic of(TimestampPrecision precision) {
        return precision == TimestampPrecision.NANOSECONDS ? NANOSECONDS : MICROSECONDS;
    }
}
