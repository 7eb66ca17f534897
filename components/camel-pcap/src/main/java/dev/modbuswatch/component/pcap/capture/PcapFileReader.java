package dev.modbuswatch.component.pcap.capture;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/** Reads classic pcap: a 24-byte file header, then records of a 16-byte header and the captured bytes. */
final class PcapFileReader extends CaptureFileReader {

    private final int linkType;
    private final SnapshotLength snapshotLength;
    private final int nanosPerTick;
    private final int recordHeaderLength;

    private PcapFileReader(FileWindow file, int linkType, SnapshotLength snapshotLength, PcapMagic magic) {
        super(file, PcapMagic.FILE_HEADER_LENGTH);
        this.linkType = linkType;
        this.snapshotLength = snapshotLength;
        this.nanosPerTick = magic.nanosPerTick;
        this.recordHeaderLength = magic.recordHeaderLength;
    }

    static PcapFileReader open(FileWindow file, PcapMagic magic, ByteOrder order) throws IOException {
        int available = file.load(0, PcapMagic.FILE_HEADER_LENGTH);
        if (available < PcapMagic.FILE_HEADER_LENGTH) {
            throw file.malformed("pcap file ends after " + available + " bytes, inside its "
                    + PcapMagic.FILE_HEADER_LENGTH + "-byte file header");
        }
        file.order(order);
        int major = file.unsignedShortAt(4);
        if (major != PcapMagic.VERSION_MAJOR) {
            throw file.malformed("unsupported pcap version " + major + "." + file.unsignedShortAt(6));
        }
        SnapshotLength snapshotLength = SnapshotLength.declared(file.unsignedIntAt(16));
        int linkType = file.intAt(20) & PcapMagic.LINK_TYPE_MASK;
        return new PcapFileReader(file, linkType, snapshotLength, magic);
    }

    @Override
    CapturedFrame nextFrame() throws IOException {
        long at = position;
        int available = file.load(at, recordHeaderLength);
        if (available < recordHeaderLength) {
            return endAt(at, available);
        }
        long seconds = file.unsignedIntAt(at);
        long fraction = file.unsignedIntAt(at + 4);
        long capturedLength = file.unsignedIntAt(at + 8);
        long originalLength = file.unsignedIntAt(at + 12);
        checkLengths(at, capturedLength, originalLength);
        long dataAt = at + recordHeaderLength;
        if (file.load(dataAt, (int) capturedLength) < capturedLength) {
            return endAt(at, available);
        }
        byte[] data = new byte[snapshotLength.kept(capturedLength)];
        file.copy(dataAt, data);
        position = dataAt + capturedLength;
        return frame(linkType, seconds, fraction * nanosPerTick, originalLength, data);
    }

    @Override
    public OptionalInt linkType() {
        return OptionalInt.of(linkType);
    }
}
