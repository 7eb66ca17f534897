package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CaptureFileRoundTripTest {

    private static final int LINUX_SLL = 113;
    private static final int SNAPLEN = 200;

    @TempDir
    Path dir;

    static Stream<Arguments> variants() {
        List<Arguments> variants = new ArrayList<>();
        for (CaptureFormat format : CaptureFormat.values()) {
            for (TimestampPrecision precision : TimestampPrecision.values()) {
                for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                    variants.add(Arguments.of(format, precision, order));
                }
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("variants")
    void everyVariantReadsBackWhatWasWritten(CaptureFormat format, TimestampPrecision precision, ByteOrder order)
            throws IOException {
        Path file = dir.resolve("capture" + format.extension);
        CaptureFileSettings settings = CaptureFileSettings.of(LINUX_SLL).withSnaplen(SNAPLEN)
                .withPrecision(precision).withByteOrder(order);
        List<FrameValues> expected = new ArrayList<>();
        try (CaptureFileWriter writer = format.create(file, settings)) {
            write(writer, expected, precision, 0, 0, bytes(0, 0), 0);
            write(writer, expected, precision, 1, 1, bytes(1, 1), 1);
            write(writer, expected, precision, 1_700_000_000L, 123_456_789, bytes(3, 2), 3);
            write(writer, expected, precision, 1_700_000_000L, 999_999_999, bytes(60, 3), 60);
            write(writer, expected, precision, 2_500_000_000L, 500_000_000, bytes(SNAPLEN, 4), SNAPLEN);
            write(writer, expected, precision, 4_294_967_295L, 7_654_321, bytes(54, 5), 1514);
            write(writer, expected, precision, 1_700_000_001L, 1_000, bytes(SNAPLEN + 50, 6), SNAPLEN + 50);
        }

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).hasValue(LINUX_SLL);
            assertThat(FrameValues.readAll(reader)).containsExactlyElementsOf(expected);
            assertThat(reader.truncatedAt()).isEmpty();
            assertThat(reader.position()).isEqualTo(reader.size()).isEqualTo(Files.size(file));
        }
    }

    /** Writes a frame and adds what reading it back must give: bytes cut to the snapshot length, time to the unit. */
    private static void write(CaptureFileWriter writer, List<FrameValues> expected, TimestampPrecision precision,
                              long epochSecond, int nanos, byte[] data, int originalLength) throws IOException {
        writer.write(epochSecond, nanos, data, originalLength);
        byte[] stored = Arrays.copyOf(data, Math.min(data.length, SNAPLEN));
        int storedNanos = precision == TimestampPrecision.MICROSECONDS ? nanos / 1_000 * 1_000 : nanos;
        expected.add(FrameValues.of(LINUX_SLL, epochSecond, storedNanos, originalLength, stored));
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void aFileWithoutFramesHasTheLinkTypeAndNoFrame(CaptureFormat format) throws IOException {
        Path file = dir.resolve("empty" + format.extension);
        format.create(file, CaptureFileSettings.of(1)).close();

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).hasValue(1);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
            assertThat(reader.truncatedAt()).isEmpty();
        }
    }

    @Test
    void eachFrameOwnsItsBytes() throws IOException {
        Path file = dir.resolve("two.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(file, CaptureFileSettings.of(1))) {
            writer.write(1, 0, bytes(10, 1));
            writer.write(2, 0, bytes(10, 2));
        }

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            CapturedFrame first = reader.next();
            CapturedFrame second = reader.next();
            assertThat(first.data()).isNotSameAs(second.data()).hasSize(10).startsWith(1);
            assertThat(second.data()).startsWith(2);
        }
    }

    @ParameterizedTest
    @EnumSource(CaptureFormat.class)
    void theWriterRefusesWhatTheFormatCannotHold(CaptureFormat format) throws IOException {
        try (CaptureFileWriter writer = format.create(dir.resolve("refused" + format.extension),
                CaptureFileSettings.of(1))) {
            assertThatThrownBy(() -> writer.write(-1, 0, bytes(10, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
            assertThatThrownBy(() -> writer.write(1, 1_000_000_000, bytes(10, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000000000");
            assertThatThrownBy(() -> writer.write(1, 0, bytes(10, 1), 9))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original length 9");
        }
    }

    @Test
    void classicPcapRefusesSecondsAfter2106() throws IOException {
        try (CaptureFileWriter writer = PcapFileWriter.create(dir.resolve("late.pcap"), CaptureFileSettings.of(1))) {
            assertThatThrownBy(() -> writer.write(4_294_967_296L, 0, bytes(10, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4294967296");
        }
    }
}
