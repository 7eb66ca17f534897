package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.CraftedCaptures.ETHERNET;
import static dev.modbuswatch.component.pcap.capture.CraftedCaptures.LINUX_SLL;
import static dev.modbuswatch.component.pcap.capture.CraftedCaptures.RAW;
import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngSectionsTest {

    @TempDir
    Path dir;

    @Test
    void everyBlockKindAndTimeStampResolutionInBothByteOrders() throws IOException {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Path file = CraftedCaptures.everyBlockKind(order).writeTo(dir.resolve(order + ".pcapng"));

            assertThat(FrameValues.readAll(file)).as("%s", order)
                    .containsExactlyElementsOf(CraftedCaptures.everyBlockKindFrames());
        }
    }

    @Test
    void sectionsOfOtherByteOrdersBringTheirOwnInterfaces() throws IOException {
        Path file = CraftedCaptures.everyBlockKind(ByteOrder.LITTLE_ENDIAN)
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(RAW, 65535, 0x80 | 20, 3600L)
                .interfaceDescription(LINUX_SLL, 128, 6, null)
                .enhancedPacket(1, 1_700_000_000_000_001L, bytes(200, 8), 200)
                .enhancedPacket(0, 42L << 20, bytes(20, 9), 20)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LINUX_SLL, 0, 9, null)
                .simplePacket(bytes(30, 10), 30)
                .writeTo(dir.resolve("sections.pcapng"));
        List<FrameValues> expected = new ArrayList<>(CraftedCaptures.everyBlockKindFrames());
        expected.add(FrameValues.of(LINUX_SLL, 1_700_000_000, 1_000, 200, bytes(128, 8)));
        expected.add(FrameValues.of(RAW, 3642, 0, 20, bytes(20, 9)));
        expected.add(FrameValues.of(LINUX_SLL, 0, 0, 30, bytes(30, 10)));

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).hasValue(ETHERNET);
            assertThat(FrameValues.readAll(reader)).containsExactlyElementsOf(expected);
            assertThat(reader.truncatedAt()).isEmpty();
            assertThat(reader.position()).isEqualTo(reader.size());
        }
    }

    @Test
    void aSectionWithoutInterfacesHasNoLinkTypeAndNoFrame() throws IOException {
        Path file = new PcapngBuilder().section(ByteOrder.BIG_ENDIAN).customBlock(8)
                .writeTo(dir.resolve("no-interfaces.pcapng"));

        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            assertThat(reader.linkType()).isEmpty();
            assertThat(reader.next()).isNull();
            assertThat(reader.truncatedAt()).isEmpty();
        }
    }

    @Test
    void blocksLargerThanTheReadBufferAreSkippedOrRead() throws IOException {
        Path file = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN)
                .customBlock(3 << 20)
                .interfaceDescription(ETHERNET, 0, null, null)
                .enhancedPacket(0, 1, bytes(60, 1), 60)
                .customBlock(5 << 20)
                .enhancedPacket(0, 2, bytes(61, 2), 61)
                .writeTo(dir.resolve("large-blocks.pcapng"));

        assertThat(FrameValues.readAll(file)).containsExactly(
                FrameValues.of(ETHERNET, 0, 1_000, 60, bytes(60, 1)),
                FrameValues.of(ETHERNET, 0, 2_000, 61, bytes(61, 2)));
    }
}
