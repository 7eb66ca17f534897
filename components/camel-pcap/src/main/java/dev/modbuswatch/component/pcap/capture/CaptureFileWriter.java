package dev.modbuswatch.component.pcap.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes frames to a new capture file through a large buffer; {@link #close()} writes what is left. Used by one
 * thread.
 */
public abstract sealed class CaptureFileWriter implements Closeable permits PcapFileWriter, PcapngFileWriter {

    private static final int BUFFER_CAPACITY = 1 << 20;
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    final CaptureFileSettings settings;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long flushed;

    CaptureFileWriter(Path file, CaptureFileSettings settings) throws IOException {
        this.settings = settings;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.buffer = ByteBuffer.allocate(BUFFER_CAPACITY).order(settings.byteOrder());
    }

    /** Writes the file header, closing the file when that fails: for the factories of the subclasses. */
    final void start() throws IOException {
        try {
            writeFileHeader();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    abstract void writeFileHeader() throws IOException;

    /** Writes a frame that was captured whole. */
    public final void write(long epochSecond, int nanos, byte[] frame) throws IOException {
        write(epochSecond, nanos, frame, frame.length);
    }

    /**
     * Writes a frame of which only {@code frame} was captured, {@code originalLength} bytes having been on the wire.
     * Bytes beyond the snapshot length are not stored.
     *
     * @throws IllegalArgumentException when the time or the length cannot be stored
     */
    public final void write(long epochSecond, int nanos, byte[] frame, int originalLength) throws IOException {
        if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
            throw new IllegalArgumentException("nanos must be 0 to 999999999, not " + nanos);
        }
        if (originalLength < frame.length) {
            throw new IllegalArgumentException("original length " + originalLength + " is less than the "
                    + frame.length + " bytes captured");
        }
        writeRecord(epochSecond, nanos, frame, Math.min(frame.length, settings.snaplen()), originalLength);
    }

    abstract void writeRecord(long epochSecond, int nanos, byte[] frame, int storedLength, int originalLength)
            throws IOException;

    /** The buffer, in the file's byte order, with room for {@code bytes} more. */
    final ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer);
        }
        buffer.clear();
    }

    /** The bytes written so far, buffered or not: the offset at which the next record will begin. */
    public final long position() {
        return flushed + buffer.position();
    }

    @Override
    public final void close() throws IOException {
        try (channel) {
            flush();
        }
    }
}
