package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record no capture could contain stops the reader with an exception naming its offset and the problem. */
class MalformedCaptureTest {

    @TempDir
    Path dir;

    @Test
    void aRecordClaimingMoreThan256KiBIsImpossible() throws IOException {
        Path file = dir.resolve("huge.pcap");
        long second;
        try (CaptureFileWriter writer = PcapFileWriter.create(file, CaptureFileSettings.of(1))) {
            writer.write(1, 0, bytes(60, 1));
            second = writer.position();
            writer.write(2, 0, bytes(60, 2));
        }
        overwrite(file, second + 8, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(300_000));

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(CaptureFormatException.class)
                    .hasMessage(file + ": record claims 300000 captured bytes, more than the 262144 any capture "
                            + "holds (at byte offset " + second + ")");
        }
    }

    @Test
    void aBlockLengthNotAMultipleOf4IsImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        Path file = builder.raw(builder.body(16).putInt(0xBAD).putInt(14).putInt(0).putInt(14))
                .writeTo(dir.resolve("odd.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": block of type 0x00000bad has a length of 14, not a multiple of 4 (at byte offset "
                        + at + ")");
    }

    @Test
    void aNegativeBlockLengthIsImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        Path file = builder.raw(builder.body(12).putInt(6).putInt(-16).putInt(0))
                .writeTo(dir.resolve("negative.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("enhanced packet block has a length of 4294967280, more than the 16777216")
                .hasMessageContaining("(at byte offset " + at + ")");
    }

    @Test
    void aBlockShorterThanItsFieldsIsImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        Path file = builder.block(6, builder.body(8).putLong(0)).writeTo(dir.resolve("short.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": enhanced packet block has a length of 20, less than the 32 of its fixed fields"
                        + " (at byte offset " + at + ")");
    }

    @Test
    void lengthsThatDifferAtStartAndEndOfABlockAreImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        Path file = builder.raw(builder.body(16).putInt(0xBAD).putInt(16).putInt(0).putInt(20))
                .writeTo(dir.resolve("trailer.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": block of type 0x00000bad has a length of 16 at its start but 20 at its end"
                        + " (at byte offset " + at + ")");
    }

    @Test
    void aPacketOnAnUndescribedInterfaceIsImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        Path file = builder.enhancedPacket(1, 0, bytes(20, 1), 20).writeTo(dir.resolve("interface.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": packet block refers to interface 1 but its section describes 1 interface(s) "
                        + "before it (at byte offset " + at + ")");
    }

    @Test
    void aPacketClaimingMoreBytesThanItsBlockHoldsIsImpossible() throws IOException {
        PcapngBuilder builder = interfaceOnly();
        long at = builder.size();
        ByteBuffer body = builder.body(40).putInt(0).putInt(0).putInt(0).putInt(100).putInt(100).put(bytes(20, 1));
        Path file = builder.block(6, body).writeTo(dir.resolve("overlong.pcapng"));

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": packet block claims 100 captured bytes but holds only 20 (at byte offset "
                        + at + ")");
    }

    @Test
    void aTimeStampResolutionBeyond64BitsIsImpossible() throws IOException {
        PcapngBuilder builder = new PcapngBuilder().section(ByteOrder.BIG_ENDIAN);
        long optionAt = builder.size() + 16;
        Path file = builder.interfaceDescription(1, 0, 0x50, null).writeTo(dir.resolve("tsresol.pcapng"));

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": if_tsresol 0x50 is finer than 64-bit time stamps can count (at byte offset "
                        + optionAt + ")");
    }

    private static PcapngBuilder interfaceOnly() {
        return new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1, 0, null, null);
    }

    private static void readAll(Path file) throws IOException {
        FrameValues.readAll(file);
    }

    private static void overwrite(Path file, long offset, ByteBuffer bytes) throws IOException {
        byte[] content = Files.readAllBytes(file);
        System.arraycopy(bytes.array(), 0, content, (int) offset, bytes.position());
        Files.write(file, content);
    }
}
