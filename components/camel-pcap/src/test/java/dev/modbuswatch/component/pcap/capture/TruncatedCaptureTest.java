package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A capture cut short, as when the disk filled up or the copy was interrupted, yields the frames before the cut. */
class TruncatedCaptureTest {

    private static final int FRAMES = 5;
    private static final int CUT_FRAME = 3;
    private static final int FRAME_LENGTH = 61;

    @TempDir
    Path dir;

    private Path file;
    private List<FrameValues> written;
    /** Where the record or block of frame {@link #CUT_FRAME} begins and ends. */
    private long cutRecordStart;
    private long cutRecordEnd;

    private void write(CaptureFormat format) throws IOException {
        file = dir.resolve("cut" + format.extension);
        written = new ArrayList<>();
        try (CaptureFileWriter writer = format.create(file, CaptureFileSettings.of(1)
                .withPrecision(TimestampPrecision.NANOSECONDS).withByteOrder(ByteOrder.BIG_ENDIAN))) {
            for (int i = 0; i < FRAMES; i++) {
                if (i == CUT_FRAME) {
                    cutRecordStart = writer.position();
                }
                writer.write(1_700_000_000L + i, i, bytes(FRAME_LENGTH, i));
                written.add(FrameValues.of(1, 1_700_000_000L + i, i, FRAME_LENGTH, bytes(FRAME_LENGTH, i)));
                if (i == CUT_FRAME) {
                    cutRecordEnd = writer.position();
                }
            }
        }
    }

    private void cutAt(long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void aCutInARecordHeaderEndsTheFramesBeforeThatRecord(CaptureFormat format) throws IOException {
        write(format);
        cutAt(cutRecordStart + 10);

        assertFramesBeforeTheCutAndTruncatedAt(cutRecordStart);
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void aCutInTheCapturedBytesEndsTheFramesBeforeThatRecord(CaptureFormat format) throws IOException {
        write(format);
        cutAt(cutRecordStart + 40);

        assertFramesBeforeTheCutAndTruncatedAt(cutRecordStart);
    }

    @Test
    void aCutInTheTrailerOfAPcapngBlockEndsTheFramesBeforeThatBlock() throws IOException {
        write(CaptureFormat.PCAPNG);
        cutAt(cutRecordEnd - 2);

        assertFramesBeforeTheCutAndTruncatedAt(cutRecordStart);
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void aCutBetweenRecordsIsACleanEnd(CaptureFormat format) throws IOException {
        write(format);
        cutAt(cutRecordStart);

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(FrameValues.readAll(reader)).containsExactlyElementsOf(written.subList(0, CUT_FRAME));
            assertThat(reader.truncatedAt()).isEmpty();
            assertThat(reader.position()).isEqualTo(cutRecordStart);
        }
    }

    private void assertFramesBeforeTheCutAndTruncatedAt(long offset) throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.truncatedAt()).isEmpty();
            assertThat(FrameValues.readAll(reader)).containsExactlyElementsOf(written.subList(0, CUT_FRAME));
            assertThat(reader.truncatedAt()).hasValue(offset);
            assertThat(reader.next()).isNull();
            assertThat(reader.position()).isEqualTo(offset);
        }
    }

    @Test
    void aPcapngCutBeforeItsFirstInterfaceHasNoLinkTypeAndNoFrame() throws IOException {
        PcapngBuilder builder = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN);
        long interfaceStart = builder.size();
        file = builder.interfaceDescription(1, 65535, null, null).writeTo(dir.resolve("no-interface.pcapng"));
        cutAt(interfaceStart + 12);

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).isEmpty();
            assertThat(reader.next()).isNull();
            assertThat(reader.truncatedAt()).hasValue(interfaceStart);
        }
    }
}
