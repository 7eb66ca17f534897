package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.CraftedCaptures.ETHERNET;
import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic pcap as libpcap reads it, beyond what the writer writes. */
class PcapFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void aRecordLongerThanTheSnapshotLengthIsCutToIt() throws IOException {
        Path file = CraftedCaptures.recordLongerThanSnaplen().writeTo(dir.resolve("long.pcap"));

        assertThat(FrameValues.readAll(file)).containsExactlyElementsOf(CraftedCaptures.recordLongerThanSnaplenFrames());
    }

    @Test
    void kuznetzovRecordHeadersAreSkippedWhole() throws IOException {
        Path file = CraftedCaptures.kuznetzovRecords().writeTo(dir.resolve("kuznetzov.pcap"));

        assertThat(FrameValues.readAll(file)).containsExactlyElementsOf(CraftedCaptures.kuznetzovFrames());
    }

    @Test
    void flagsInTheLinkTypeFieldAreNotPartOfTheLinkType() throws IOException {
        Path file = CraftedCaptures.linkTypeWithFcsFlags().writeTo(dir.resolve("fcs.pcap"));

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).hasValue(CraftedCaptures.LINUX_SLL);
            assertThat(FrameValues.readAll(reader)).containsExactlyElementsOf(
                    CraftedCaptures.linkTypeWithFcsFlagsFrames());
        }
    }

    @Test
    void aFractionOfASecondOfASecondOrMoreCarriesIntoTheSeconds() throws IOException {
        Path file = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, PcapBuilder.MICROSECONDS, 0, ETHERNET)
                .record(10, 2_500_000, bytes(20, 1), 20)
                .writeTo(dir.resolve("fraction.pcap"));

        assertThat(FrameValues.readAll(file)).containsExactly(FrameValues.of(ETHERNET, 12, 500_000_000, 20, bytes(20, 1)));
    }

    @Test
    void secondsAreUnsigned() throws IOException {
        Path file = new PcapBuilder(ByteOrder.BIG_ENDIAN, PcapBuilder.NANOSECONDS, 0, ETHERNET)
                .record(0xFFFFFFFF, 999_999_999, bytes(20, 1), 20)
                .writeTo(dir.resolve("2106.pcap"));

        assertThat(FrameValues.readAll(file))
                .containsExactly(FrameValues.of(ETHERNET, 4_294_967_295L, 999_999_999, 20, bytes(20, 1)));
    }

    @Test
    void readsAcrossManyBufferRefills() throws IOException {
        Path file = dir.resolve("many.pcap");
        int frames = 40_000;
        try (CaptureFileWriter writer = PcapFileWriter.create(file, CaptureFileSettings.of(ETHERNET))) {
            for (int i = 0; i < frames; i++) {
                writer.write(i, 0, bytes(i % 97, i));
            }
        }

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            for (int i = 0; i < frames; i++) {
                CapturedFrame frame = reader.next();
                assertThat(frame.epochSecond()).isEqualTo(i);
                assertThat(frame.data()).isEqualTo(bytes(i % 97, i));
                assertThat(reader.position()).isLessThanOrEqualTo(reader.size());
            }
            assertThat(reader.next()).isNull();
            assertThat(reader.position()).isEqualTo(reader.size());
        }
    }
}
