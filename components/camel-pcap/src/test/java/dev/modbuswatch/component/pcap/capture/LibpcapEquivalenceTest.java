package dev.modbuswatch.component.pcap.capture;

import static dev.modbuswatch.component.pcap.capture.FrameValues.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/**
 * {@link CaptureFileReader} finds in every capture the frames libpcap finds: same count, and per frame the same
 * bytes, original length, link type and time stamp to the nanosecond.
 */
class LibpcapEquivalenceTest {

    private static final String INSTALL_HINT = "libpcap is missing, so the comparison with it cannot run: install it "
            + "with scripts/install-prerequisites.sh (Debian/Ubuntu package libpcap0.8)";
    /** Why libpcap cannot be loaded, or null when it can. */
    private static final LinkageError LIBPCAP_MISSING = loadLibpcap();

    private static LinkageError loadLibpcap() {
        try {
            Pcaps.libVersion();
            return null;
        } catch (LinkageError e) {
            return e;
        }
    }

    @TestFactory
    Stream<DynamicTest> sharedCaptures() throws IOException {
        Path folder = Path.of(System.getProperty("shared.pcaps", "../shared/pcaps")).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            // a test of its own, as a skipped factory would not show in the test reports
            return Stream.of(dynamicTest("shared captures", () -> Assumptions.assumeTrue(false,
                    "no shared captures to compare: folder " + folder + " is absent (set -Dshared.pcaps=...)")));
        }
        List<Path> captures;
        try (Stream<Path> files = Files.walk(folder)) {
            captures = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".pcap") || file.toString().endsWith(".pcapng"))
                    .sorted()
                    .toList();
        }
        assertThat(captures).as("captures under %s", folder).isNotEmpty();
        return captures.stream()
                .map(file -> dynamicTest(folder.relativize(file).toString(), () -> assertReadAsLibpcapReads(file)));
    }

    @TestFactory
    Stream<DynamicTest> writtenAndCraftedCaptures(@TempDir Path dir) throws IOException {
        List<Path> captures = new ArrayList<>();
        for (CaptureFormat format : CaptureFormat.values()) {
            for (TimestampPrecision precision : TimestampPrecision.values()) {
                for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                    Path file = dir.resolve("written-" + precision + "-" + order + format.extension);
                    writeSample(format.create(file, CaptureFileSettings.of(CraftedCaptures.LINUX_SLL)
                            .withSnaplen(100).withPrecision(precision).withByteOrder(order)));
                    captures.add(file);
                }
            }
        }
        captures.add(CraftedCaptures.recordLongerThanSnaplen().writeTo(dir.resolve("longer-than-snaplen.pcap")));
        captures.add(CraftedCaptures.kuznetzovRecords().writeTo(dir.resolve("kuznetzov.pcap")));
        captures.add(CraftedCaptures.linkTypeWithFcsFlags().writeTo(dir.resolve("fcs-flags.pcap")));
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            captures.add(CraftedCaptures.everyBlockKind(order).writeTo(dir.resolve("every-block-" + order + ".pcapng")));
        }
        return captures.stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> assertReadAsLibpcapReads(file)));
    }

    /**
     * Times stay before 2038: libpcap 1.10 reads the seconds of a classic pcap in the host's byte order as signed
     * 32 bits, those of a byte-swapped one and of pcapng as unsigned; this reader reads them all unsigned, as the
     * format says ({@link CaptureFileRoundTripTest} covers times up to 2106).
     */
    private static void writeSample(CaptureFileWriter writer) throws IOException {
        try (writer) {
            writer.write(0, 0, bytes(0, 0));
            writer.write(1_700_000_000L, 123_456_789, bytes(3, 1));
            writer.write(1_700_000_000L, 999_999_999, bytes(60, 2), 1514);
            writer.write(2_147_483_647L, 1, bytes(150, 3));
        }
    }

    private static void assertReadAsLibpcapReads(Path file) throws Exception {
        List<FrameValues> libpcap = readWithLibpcap(file);
        List<FrameValues> ours = FrameValues.readAll(file).stream()
                .map(frame -> frame.withLinkType(dltOf(frame.linkType())))
                .toList();

        assertThat(ours).as("frames of %s", file).hasSameSizeAs(libpcap);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as("frame %d of %s", i + 1, file).isEqualTo(libpcap.get(i));
        }
    }

    private static List<FrameValues> readWithLibpcap(Path file) throws Exception {
        Assumptions.assumeTrue(LIBPCAP_MISSING == null, () -> INSTALL_HINT + " (" + LIBPCAP_MISSING + ")");
        try (PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO)) {
            int linkType = handle.getDlt().value();
            List<FrameValues> frames = new ArrayList<>();
            while (true) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    return frames;
                }
                Timestamp time = handle.getTimestamp();
                frames.add(FrameValues.of(linkType, Math.floorDiv(time.getTime(), 1000), time.getNanos(),
                        handle.getOriginalLength(), data));
            }
        }
    }

    /** libpcap reports DLT_ values, which differ from the LINKTYPE_ values in files for a few old link types. */
    private static int dltOf(int linkType) {
        return switch (linkType) {
            case 100 -> 11; // LINKTYPE_ATM_RFC1483
            case 101 -> 12; // LINKTYPE_RAW, DLT_RAW as Linux numbers it
            default -> linkType;
        };
    }
}
