package dev.modbuswatch.component.pcap.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Writes classic pcap, with microsecond or nanosecond time stamps (magic a1b2c3d4 or a1b23c4d). */
public final class PcapFileWriter extends CaptureFileWriter {

    private static final long MAX_SECONDS = 0xFFFFFFFFL;

    private final PcapMagic magic;

    private PcapFileWriter(Path file, CaptureFileSettings settings) throws IOException {
        super(file, settings);
        this.magic = PcapMagic.of(settings.precision());
    }

    /** Creates or replaces {@code file} and writes the file header. */
    public static PcapFileWriter create(Path file, CaptureFileSettings settings) throws IOException {
        PcapFileWriter writer = new PcapFileWriter(file, settings);
        writer.start();
        return writer;
    }

    @Override
    void writeFileHeader() throws IOException {
        room(PcapMagic.FILE_HEADER_LENGTH)
                .putInt(magic.value)
                .putShort((short) PcapMagic.VERSION_MAJOR)
                .putShort((short) PcapMagic.VERSION_MINOR)
                .putInt(0)
                .putInt(0)
                .putInt(settings.snaplen())
                .putInt(settings.linkType());
    }

    /** @throws IllegalArgumentException when the time is before 1970 or after 2106, which pcap cannot store */
    @Override
    void writeRecord(long epochSecond, int nanos, byte[] frame, int storedLength, int originalLength)
            throws IOException {
        if (epochSecond < 0 || epochSecond > MAX_SECONDS) {
            throw new IllegalArgumentException("pcap stores seconds 0 to " + MAX_SECONDS + ", not " + epochSecond);
        }
        ByteBuffer out = room(magic.recordHeaderLength + storedLength);
        out.putInt((int) epochSecond)
                .putInt(nanos / magic.nanosPerTick)
                .putInt(storedLength)
                .putInt(originalLength)
                .put(frame, 0, storedLength);
    }
}
