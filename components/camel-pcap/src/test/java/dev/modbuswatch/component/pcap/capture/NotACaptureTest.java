package dev.modbuswatch.component.pcap.capture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening something that is not a capture fails at once, with one message naming the file and the problem. */
class NotACaptureTest {

    @TempDir
    Path dir;

    @Test
    void anHtmlPageIsNamedByItsFirstBytes() throws IOException {
        Path file = Files.writeString(dir.resolve("capture.pcap"), "<html><body>Not found</body></html>");

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": not a pcap or pcapng file: starts with 3c 68 74 6d");
    }

    @Test
    void anEmptyFileIsNoCapture() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.pcap"));

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": empty file, not a pcap or pcapng capture");
    }

    @Test
    void aFileShorterThanAnyMagicIsNoCapture() throws IOException {
        Path file = Files.write(dir.resolve("tiny.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2});

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": not a pcap or pcapng file: only 3 bytes long");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("missing.pcap");

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(file + ": no such capture file");
    }

    @Test
    void aDirectoryIsNamed() {
        assertThatThrownBy(() -> CaptureFileReader.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessage(dir + ": is a directory, not a capture file");
    }

    @Test
    void textStartingLikeASectionHeaderLacksTheByteOrderMagic() throws IOException {
        Path file = Files.write(dir.resolve("text.pcapng"),
                "\n\r\r\nsome text that is long enough".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageStartingWith(file + ": not a pcap or pcapng file: starts with 0a 0d 0d 0a")
                .hasMessageContaining("lacks its byte-order magic");
    }

    @Test
    void aPcapCutInItsFileHeaderIsNamed() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putInt(0xA1B2C3D4)
                .putShort((short) 2).putShort((short) 4);
        Path file = Files.write(dir.resolve("header.pcap"), header.array());

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": pcap file ends after 10 bytes, inside its 24-byte file header");
    }

    @Test
    void anUnknownPcapVersionIsNamed() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN).putInt(0xA1B2C3D4)
                .putShort((short) 3).putShort((short) 1).putInt(0).putInt(0).putInt(65535).putInt(1);
        Path file = Files.write(dir.resolve("version.pcap"), header.array());

        assertThatThrownBy(() -> CaptureFileReader.open(file))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessage(file + ": unsupported pcap version 3.1");
    }
}
