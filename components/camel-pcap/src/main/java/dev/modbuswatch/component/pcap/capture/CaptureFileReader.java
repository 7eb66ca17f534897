package dev.modbuswatch.component.pcap.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the frames of a classic pcap or a pcapng file, in pure Java, the way libpcap does: same frames, lengths and
 * time stamps (to the nanosecond), records longer than the snapshot length cut to it. Unlike libpcap 1.10 it also
 * reads pcapng files whose sections differ in byte order or whose interfaces differ in link type (each frame carries
 * its own), and reads the seconds of classic pcap as unsigned in either byte order (times up to 2106).
 * <p>
 * A file cut short in the middle of a record ends the frames without an exception; {@link #truncatedAt()} then tells
 * where. Used by one thread.
 */
public abstract sealed class CaptureFileReader implements Closeable permits PcapFileReader, PcapngFileReader {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final FileWindow file;
    /** File offset of the next record or block. */
    long position;
    private boolean finished;
    private long truncatedAt = -1;

    CaptureFileReader(FileWindow file, long position) {
        this.file = file;
        this.position = position;
    }

    /**
     * Opens a capture file, telling its format by its first bytes.
     *
     * @throws CaptureFormatException when the file is not a pcap or pcapng file, or its header is broken
     * @throws IOException            when it cannot be read
     */
    public static CaptureFileReader open(Path file) throws IOException {
        FileWindow window = openWindow(file);
        try {
            return open(window);
        } catch (IOException | RuntimeException e) {
            window.close();
            throw e;
        }
    }

    private static FileWindow openWindow(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a capture file");
        }
        try {
            return FileWindow.open(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such capture file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(file.toString(), null, "not allowed to read the capture file");
        }
    }

    private static CaptureFileReader open(FileWindow file) throws IOException {
        int available = file.load(0, 4);
        if (available == 0) {
            throw file.malformed("empty file, not a pcap or pcapng capture");
        }
        if (available < 4) {
            throw file.malformed("not a pcap or pcapng file: only " + available + " bytes long");
        }
        file.order(ByteOrder.BIG_ENDIAN);
        int magic = file.intAt(0);
        if (magic == PcapngFormat.SECTION_HEADER) {
            return PcapngFileReader.open(file);
        }
        Optional<PcapMagic> pcapMagic = PcapMagic.find(magic);
        if (pcapMagic.isPresent()) {
            return PcapFileReader.open(file, pcapMagic.get(), pcapMagic.get().byteOrder(magic));
        }
        byte[] start = new byte[4];
        file.copy(0, start);
        throw file.malformed("not a pcap or pcapng file: starts with " + HexFormat.ofDelimiter(" ").formatHex(start));
    }

    /**
     * The next frame, in its own array.
     *
     * @return null at the end of the file, or where it was cut short (see {@link #truncatedAt()})
     * @throws CaptureFormatException when a record is structurally impossible; the message names its offset
     */
    public final CapturedFrame next() throws IOException {
        return finished ? null : nextFrame();
    }

    /** Reads on from {@link #position}; returns {@link #endAt} when no frame is left. */
    abstract CapturedFrame nextFrame() throws IOException;

    /**
     * The link type of the first interface: for classic pcap that of the file, for pcapng that of the first
     * Interface Description Block before the first packet; empty when a pcapng file has none.
     */
    public abstract OptionalInt linkType();

    /** Where the record the file was cut short in begins, once {@link #next()} has returned null because of it. */
    public final OptionalLong truncatedAt() {
        return truncatedAt < 0 ? OptionalLong.empty() : OptionalLong.of(truncatedAt);
    }

    /** The bytes read so far: the offset of the next record, of the cut-short record at the end. */
    public final long position() {
        return position;
    }

    /** The size of the file when it was opened. */
    public final long size() {
        return file.size();
    }

    @Override
    public final void close() throws IOException {
        file.close();
    }

    /**
     * Ends the frames at a record that begins at {@code offset}.
     *
     * @param available how many bytes of the record the file holds: none at the clean end of the file
     * @return null, for {@link #nextFrame()} to return
     */
    final CapturedFrame endAt(long offset, int available) {
        finished = true;
        position = offset;
        if (available > 0) {
            truncatedAt = offset;
        }
        return null;
    }

    /** Throws when a record's lengths are impossible: more captured bytes than any capture holds, or 2 GiB or more. */
    final void checkLengths(long offset, long capturedLength, long originalLength) throws CaptureFormatException {
        if (capturedLength > SnapshotLength.MAXIMUM) {
            throw file.malformed(offset, "record claims " + capturedLength + " captured bytes, more than the "
                    + SnapshotLength.MAXIMUM + " any capture holds");
        }
        if (originalLength > Integer.MAX_VALUE) {
            throw file.malformed(offset, "record claims a frame of " + originalLength + " bytes on the wire");
        }
    }

    /** A frame whose fraction of a second may be a second or more, as damaged files have. */
    static CapturedFrame frame(int linkType, long epochSecond, long nanos, long originalLength, byte[] data) {
        if (nanos >= NANOS_PER_SECOND) {
            return new CapturedFrame(linkType, epochSecond + nanos / NANOS_PER_SECOND,
                    (int) (nanos % NANOS_PER_SECOND), (int) originalLength, data);
        }
        return new CapturedFrame(linkType, epochSecond, (int) nanos, (int) originalLength, data);
    }
}
