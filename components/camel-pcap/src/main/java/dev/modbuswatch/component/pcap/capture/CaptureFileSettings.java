package dev.modbuswatch.component.pcap.capture;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * How a {@link CaptureFileWriter} lays out the file it writes.
 *
 * @param linkType  the LINKTYPE_ value of every frame written, 0 to 65535
 * @param snaplen   the most bytes of a frame stored, 1 to 262144; frames longer are cut, as a capture would
 * @param precision the unit of the stored time stamps
 * @param byteOrder the byte order of the headers
 */
public record CaptureFileSettings(int linkType, int snaplen, TimestampPrecision precision, ByteOrder byteOrder) {

    public CaptureFileSettings {
        if (linkType < 0 || linkType > 0xFFFF) {
            throw new IllegalArgumentException("link type must be 0 to 65535, not " + linkType);
        }
        if (snaplen < 1 || snaplen > SnapshotLength.MAXIMUM) {
            throw new IllegalArgumentException(
                    "snapshot length must be 1 to " + SnapshotLength.MAXIMUM + ", not " + snaplen);
        }
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(byteOrder, "byteOrder");
    }

    /** Microsecond time stamps, little-endian headers, nothing cut: what tcpdump writes on x86. */
    public static CaptureFileSettings of(int linkType) {
        return new CaptureFileSettings(linkType, SnapshotLength.MAXIMUM, TimestampPrecision.MICROSECONDS,
                ByteOrder.LITTLE_ENDIAN);
    }

    public CaptureFileSettings withSnaplen(int snaplen) {
        return new CaptureFileSettings(linkType, snaplen, precision, byteOrder);
    }

    public CaptureFileSettings withPrecision(TimestampPrecision precision) {
        return new CaptureFileSettings(linkType, snaplen, precision, byteOrder);
    }

    public CaptureFileSettings withByteOrder(ByteOrder byteOrder) {
        return new CaptureFileSettings(linkType, snaplen, precision, byteOrder);
    }
}
