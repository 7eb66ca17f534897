package dev.modbuswatch.component.pcap.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sliding window over a file: bytes are addressed by their file offset and read with absolute gets in the byte
 * order the window is set to, the one place where the readers turn bytes into numbers. The window moves forward as
 * offsets beyond it are {@linkplain #load loaded}, so a sequential reader touches the file in large reads only.
 */
final class FileWindow implements Closeable {

    private static final int CAPACITY = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    /** Holds the file's bytes from {@link #start} on, from index 0 to its limit. */
    private ByteBuffer buffer;
    private long start;

    private FileWindow(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.buffer = ByteBuffer.allocateDirect(CAPACITY).limit(0);
    }

    static FileWindow open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new FileWindow(file, channel, channel.size());
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    void order(ByteOrder order) {
        buffer.order(order);
    }

    /**
     * Makes the bytes from {@code offset} to {@code offset + length} readable.
     *
     * @return {@code length} when they are, or how many bytes the file has from {@code offset} on when it ends sooner
     */
    int load(long offset, int length) throws IOException {
        if (offset >= start && offset + length <= start + buffer.limit()) {
            return length;
        }
        return slideTo(offset, length);
    }

    private int slideTo(long offset, int length) throws IOException {
        long end = start + buffer.limit();
        boolean keepTail = offset >= start && offset <= end;
        ByteBuffer target = length <= buffer.capacity() ? buffer
                : ByteBuffer.allocateDirect(Integer.highestOneBit(length - 1) << 1).order(buffer.order());
        if (keepTail) {
            buffer.position((int) (offset - start));
            if (target == buffer) {
                buffer.compact();
            } else {
                target.put(buffer);
            }
        } else {
            channel.position(offset);
            target.clear();
        }
        buffer = target;
        start = offset;
        int read = 0;
        while (buffer.position() < length && read >= 0) {
            read = channel.read(buffer);
        }
        buffer.flip();
        return Math.min(length, buffer.limit());
    }

    byte byteAt(long offset) {
        return buffer.get(index(offset));
    }

    int unsignedShortAt(long offset) {
        return Short.toUnsignedInt(buffer.getShort(index(offset)));
    }

    int intAt(long offset) {
        return buffer.getInt(index(offset));
    }

    long unsignedIntAt(long offset) {
        return Integer.toUnsignedLong(buffer.getInt(index(offset)));
    }

    long longAt(long offset) {
        return buffer.getLong(index(offset));
    }

    void copy(long offset, byte[] into) {
        buffer.get(index(offset), into);
    }

    private int index(long offset) {
        return (int) (offset - start);
    }

    /** An exception naming this file, the offset and the problem found there. */
    CaptureFormatException malformed(long offset, String problem) {
        return new CaptureFormatException(file + ": " + problem + " (at byte offset " + offset + ")");
    }

    CaptureFormatException malformed(String problem) {
        return new CaptureFormatException(file + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
