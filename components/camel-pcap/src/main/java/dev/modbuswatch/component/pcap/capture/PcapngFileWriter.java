package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.PcapngFormat.padded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes pcapng: one section with one interface (with if_tsresol for nanosecond time stamps), then an Enhanced
 * Packet Block per frame.
 */
public final class PcapngFileWriter extends CaptureFileWriter {

    private static final int SECTION_HEADER_LENGTH = 28;
    private static final int INTERFACE_DESCRIPTION_LENGTH = 20;
    /** if_tsresol (4-byte option header, value padded to 4) and opt_endofopt. */
    private static final int TSRESOL_OPTIONS_LENGTH = 12;
    private static final int ENHANCED_PACKET_LENGTH = 32;
    private static final long UNKNOWN_SECTION_LENGTH = -1;
    private static final byte[] PADDING = new byte[3];

    private final TimestampPrecision precision;
    private final long maxSeconds;

    private PcapngFileWriter(Path file, CaptureFileSettings settings) throws IOException {
        super(file, settings);
        this.precision = settings.precision();
        this.maxSeconds = Long.MAX_VALUE / precision.ticksPerSecond - 1;
    }

    /** Creates or replaces {@code file} and writes the section header and interface description. */
    public static PcapngFileWriter create(Path file, CaptureFileSettings settings) throws IOException {
        PcapngFileWriter writer = new PcapngFileWriter(file, settings);
        writer.start();
        return writer;
    }

    @Override
    void writeFileHeader() throws IOException {
        room(SECTION_HEADER_LENGTH)
                .putInt(PcapngFormat.SECTION_HEADER)
                .putInt(SECTION_HEADER_LENGTH)
                .putInt(PcapngFormat.BYTE_ORDER_MAGIC)
                .putShort((short) PcapngFormat.VERSION_MAJOR)
                .putShort((short) PcapngFormat.VERSION_MINOR)
                .putLong(UNKNOWN_SECTION_LENGTH)
                .putInt(SECTION_HEADER_LENGTH);
        boolean nanos = precision == TimestampPrecision.NANOSECONDS;
        int length = INTERFACE_DESCRIPTION_LENGTH + (nanos ? TSRESOL_OPTIONS_LENGTH : 0);
        ByteBuffer out = room(length)
                .putInt(PcapngFormat.INTERFACE_DESCRIPTION)
                .putInt(length)
                .putShort((short) settings.linkType())
                .putShort((short) 0)
                .putInt(settings.snaplen());
        if (nanos) {
            out.putShort((short) PcapngFormat.OPTION_TSRESOL).putShort((short) 1)
                    .put((byte) precision.decimalExponent).put(PADDING)
                    .putShort((short) PcapngFormat.OPTION_END).putShort((short) 0);
        }
        out.putInt(length);
    }

    /** @throws IllegalArgumentException when the time is before 1970 */
    @Override
    void writeRecord(long epochSecond, int nanos, byte[] frame, int storedLength, int originalLength)
            throws IOException {
        if (epochSecond < 0 || epochSecond > maxSeconds) {
            throw new IllegalArgumentException("pcapng stores seconds 0 to " + maxSeconds + ", not " + epochSecond);
        }
        long ticks = epochSecond * precision.ticksPerSecond + nanos / precision.nanosPerTick;
        int length = ENHANCED_PACKET_LENGTH + padded(storedLength);
        room(length)
                .putInt(PcapngFormat.ENHANCED_PACKET)
                .putInt(length)
                .putInt(0)
                .putInt((int) (ticks >>> 32))
                .putInt((int) ticks)
                .putInt(storedLength)
                .putInt(originalLength)
                .put(frame, 0, storedLength)
                .put(PADDING, 0, padded(storedLength) - storedLength)
                .putInt(length);
    }
}
