package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.PcapngFormat.BLOCK_OVERHEAD;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.BYTE_ORDER_MAGIC;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.ENHANCED_PACKET;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.INTERFACE_DESCRIPTION;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.PACKET;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.SECTION_HEADER;
import static dev.modbuswatch.component.pcap.capture.PcapngFormat.SIMPLE_PACKET;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads pcapng: sections, each a Section Header Block that sets the byte order, Interface Description Blocks and
 * packet blocks (enhanced, simple and the obsolete packet block). Blocks of other types are skipped.
 */
final class PcapngFileReader extends CaptureFileReader {

    private static final int SECTION_HEADER_LENGTH = 28;
    private static final int INTERFACE_DESCRIPTION_LENGTH = 20;
    private static final int SIMPLE_PACKET_LENGTH = 16;
    private static final int SIMPLE_PACKET_DATA = 12;
    /** Also the length of an obsolete packet block: both have the same fields before the data. */
    private static final int ENHANCED_PACKET_LENGTH = 32;
    private static final int PACKET_DATA = 28;

    /** The interfaces of the current section, by interface id. */
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private OptionalInt firstLinkType = OptionalInt.empty();

    private PcapngFileReader(FileWindow file) {
        super(file, 0);
    }

    /** Checks the first section header and reads the blocks before the first packet. */
    static PcapngFileReader open(FileWindow file) throws IOException {
        int available = file.load(0, BLOCK_OVERHEAD);
        if (available < BLOCK_OVERHEAD) {
            throw file.malformed("not a pcap or pcapng file: starts with 0a 0d 0d 0a, a pcapng section header, "
                    + "but is only " + available + " bytes long");
        }
        ByteOrder order = sectionByteOrder(file, 0);
        if (order == null) {
            throw file.malformed("not a pcap or pcapng file: starts with 0a 0d 0d 0a, like a pcapng section header, "
                    + "but lacks its byte-order magic 1a2b3c4d");
        }
        file.order(order);
        PcapngFileReader reader = new PcapngFileReader(file);
        long length = reader.blockLength(0, SECTION_HEADER);
        available = file.load(0, (int) length);
        if (available < length) {
            throw file.malformed("pcapng file ends after " + available + " bytes, inside its first section header "
                    + "block of " + length + " bytes");
        }
        reader.skipToPacketBlock();
        return reader;
    }

    @Override
    CapturedFrame nextFrame() throws IOException {
        int type = skipToPacketBlock();
        if (type < 0) {
            return null;
        }
        long at = position;
        long length = file.unsignedIntAt(at + 4);
        CapturedFrame frame = switch (type) {
            case ENHANCED_PACKET -> packet(at, length, file.unsignedIntAt(at + 8));
            case PACKET -> packet(at, length, file.unsignedShortAt(at + 8));
            default -> simplePacket(at, length);
        };
        position = at + length;
        return frame;
    }

    @Override
    public OptionalInt linkType() {
        return firstLinkType;
    }

    /**
     * Reads the blocks from {@link #position} up to the next packet block, which it checks and loads whole.
     *
     * @return the packet block's type, or -1 at the end of the file
     */
    private int skipToPacketBlock() throws IOException {
        while (true) {
            long at = position;
            int available = file.load(at, BLOCK_OVERHEAD);
            if (available < BLOCK_OVERHEAD) {
                endAt(at, available);
                return -1;
            }
            int type = file.intAt(at);
            if (type == SECTION_HEADER) {
                ByteOrder order = sectionByteOrder(file, at);
                if (order == null) {
                    throw file.malformed(at, "section header block has no byte-order magic 0x1a2b3c4d");
                }
                file.order(order);
            }
            long length = blockLength(at, type);
            boolean readWhole = type == SECTION_HEADER || type == INTERFACE_DESCRIPTION || isPacket(type);
            boolean complete = readWhole
                    ? file.load(at, (int) length) == length
                    : file.load(at + length - 4, 4) == 4;
            if (!complete) {
                endAt(at, available);
                return -1;
            }
            long trailer = file.unsignedIntAt(at + length - 4);
            if (trailer != length) {
                throw file.malformed(at, describe(type) + " has a length of " + length + " at its start but "
                        + trailer + " at its end");
            }
            if (isPacket(type)) {
                return type;
            }
            if (type == SECTION_HEADER) {
                startSection(at);
            } else if (type == INTERFACE_DESCRIPTION) {
                addInterface(at, length);
            }
            position = at + length;
        }
    }

    private static boolean isPacket(int type) {
        return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == PACKET;
    }

    /** @return null when the block at {@code at} has no byte-order magic */
    private static ByteOrder sectionByteOrder(FileWindow file, long at) {
        file.order(ByteOrder.BIG_ENDIAN);
        int magic = file.intAt(at + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            return ByteOrder.BIG_ENDIAN;
        }
        return magic == Integer.reverseBytes(BYTE_ORDER_MAGIC) ? ByteOrder.LITTLE_ENDIAN : null;
    }

    private long blockLength(long at, int type) throws CaptureFormatException {
        long length = file.unsignedIntAt(at + 4);
        if (length % 4 != 0) {
            throw file.malformed(at, describe(type) + " has a length of " + length + ", not a multiple of 4");
        }
        if (length > PcapngFormat.MAX_BLOCK_LENGTH) {
            throw file.malformed(at, describe(type) + " has a length of " + length + ", more than the "
                    + PcapngFormat.MAX_BLOCK_LENGTH + " of the largest block a reader accepts");
        }
        int minimum = minimumLength(type);
        if (length < minimum) {
            throw file.malformed(at, describe(type) + " has a length of " + length + ", less than the " + minimum
                    + " of its fixed fields");
        }
        return length;
    }

    private static int minimumLength(int type) {
        return switch (type) {
            case SECTION_HEADER -> SECTION_HEADER_LENGTH;
            case INTERFACE_DESCRIPTION -> INTERFACE_DESCRIPTION_LENGTH;
            case ENHANCED_PACKET, PACKET -> ENHANCED_PACKET_LENGTH;
            case SIMPLE_PACKET -> SIMPLE_PACKET_LENGTH;
            default -> BLOCK_OVERHEAD;
        };
    }

    private static String describe(int type) {
        return switch (type) {
            case SECTION_HEADER -> "section header block";
            case INTERFACE_DESCRIPTION -> "interface description block";
            case ENHANCED_PACKET -> "enhanced packet block";
            case SIMPLE_PACKET -> "simple packet block";
            case PACKET -> "packet block";
            default -> String.format("block of type 0x%08x", type);
        };
    }

    private void startSection(long at) throws CaptureFormatException {
        int major = file.unsignedShortAt(at + 12);
        if (major != PcapngFormat.VERSION_MAJOR) {
            throw file.malformed(at, "unsupported pcapng version " + major + "." + file.unsignedShortAt(at + 14));
        }
        interfaces.clear();
    }

    private void addInterface(long at, long length) throws CaptureFormatException {
        int linkType = file.unsignedShortAt(at + 8);
        SnapshotLength snapshotLength = SnapshotLength.declared(file.unsignedIntAt(at + 12));
        TimestampResolution resolution = TimestampResolution.MICROSECONDS;
        long offsetSeconds = 0;
        long end = at + length - 4;
        long option = at + INTERFACE_DESCRIPTION_LENGTH - 4;
        while (option + 4 <= end) {
            int code = file.unsignedShortAt(option);
            int valueLength = file.unsignedShortAt(option + 2);
            long value = option + 4;
            long next = value + PcapngFormat.padded(valueLength);
            if (next > end) {
                throw file.malformed(option, "option " + code + " of " + valueLength
                        + " bytes runs past the end of its interface description block");
            }
            if (code == PcapngFormat.OPTION_END) {
                break;
            }
            if (code == PcapngFormat.OPTION_TSRESOL) {
                requireOptionLength(option, "if_tsresol", valueLength, 1);
                int exponent = Byte.toUnsignedInt(file.byteAt(value));
                long optionAt = option;
                resolution = TimestampResolution.ofOption(exponent).orElseThrow(() -> file.malformed(optionAt,
                        String.format("if_tsresol 0x%02x is finer than 64-bit time stamps can count", exponent)));
            } else if (code == PcapngFormat.OPTION_TSOFFSET) {
                requireOptionLength(option, "if_tsoffset", valueLength, 8);
                offsetSeconds = file.longAt(value);
            }
            option = next;
        }
        interfaces.add(new PcapngInterface(linkType, snapshotLength, resolution, offsetSeconds));
        if (firstLinkType.isEmpty()) {
            firstLinkType = OptionalInt.of(linkType);
        }
    }

    private void requireOptionLength(long at, String option, int length, int expected)
            throws CaptureFormatException {
        if (length != expected) {
            throw file.malformed(at, option + " option has " + length + " bytes, not " + expected);
        }
    }

    /** An enhanced packet block, or an obsolete packet block: they differ only in the width of the interface id. */
    private CapturedFrame packet(long at, long length, long interfaceId) throws CaptureFormatException {
        PcapngInterface anInterface = interfaceOf(at, interfaceId);
        long ticks = file.unsignedIntAt(at + 12) << 32 | file.unsignedIntAt(at + 16);
        long capturedLength = file.unsignedIntAt(at + 20);
        long originalLength = file.unsignedIntAt(at + 24);
        checkLengths(at, capturedLength, originalLength);
        if (capturedLength > length - ENHANCED_PACKET_LENGTH) {
            throw file.malformed(at, "packet block claims " + capturedLength + " captured bytes but holds only "
                    + (length - ENHANCED_PACKET_LENGTH));
        }
        byte[] data = new byte[anInterface.snapshotLength().kept(capturedLength)];
        file.copy(at + PACKET_DATA, data);
        return frame(anInterface.linkType(), anInterface.epochSecond(ticks), anInterface.nanos(ticks),
                originalLength, data);
    }

    /** A simple packet block: no time stamp, interface 0, captured bytes as many as the snapshot length allows. */
    private CapturedFrame simplePacket(long at, long length) throws CaptureFormatException {
        PcapngInterface anInterface = interfaceOf(at, 0);
        long originalLength = file.unsignedIntAt(at + 8);
        checkLengths(at, 0, originalLength);
        int room = (int) (length - SIMPLE_PACKET_LENGTH);
        byte[] data = new byte[Math.min(anInterface.snapshotLength().kept(originalLength), room)];
        file.copy(at + SIMPLE_PACKET_DATA, data);
        return frame(anInterface.linkType(), anInterface.epochSecond(0), 0, originalLength, data);
    }

    private PcapngInterface interfaceOf(long at, long interfaceId) throws CaptureFormatException {
        if (interfaceId >= interfaces.size()) {
            throw file.malformed(at, "packet block refers to interface " + interfaceId + " but its section "
                    + "describes " + interfaces.size() + " interface(s) before it");
        }
        return interfaces.get((int) interfaceId);
    }
}
