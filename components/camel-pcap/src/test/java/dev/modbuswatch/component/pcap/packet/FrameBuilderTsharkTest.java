package dev.modbuswatch.component.pcap.packet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.modbuswatch.component.pcap.packet.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * tshark, with checksum validation on, finds the frames {@link FrameBuilder} writes well formed, and reads the
 * same ports, sequence numbers and payload lengths from them as {@link FrameDecoder}. Skipped without tshark.
 */
class FrameBuilderTsharkTest {

    private static final int EXPERT_WARNING = 0x0060_0000; // tshark's severity of warnings; errors rank above
    private static final String[] FIELDS = {
            "ip.checksum.status", "tcp.checksum.status", "tcp.srcport", "tcp.dstport",
            "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "_ws.expert.severity"};

    private static boolean tsharkInstalled;

    @BeforeAll
    static void findTshark() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            tsharkInstalled = version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            tsharkInstalled = false;
        }
    }

    static Stream<Link> links() {
        return LINKS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void tsharkFindsNothingWrong(Link link, @TempDir Path folder) throws Exception {
        assumeTrue(tsharkInstalled, "tshark is not on the PATH");
        List<byte[]> frames = sampleFrames(link);
        Path capture = writePcap(folder.resolve("frames.pcap"), link.linkType(), frames);

        List<String> rows = tshark(capture, folder);

        assertThat(rows).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            String[] fields = rows.get(i).split("\t", -1);
            TcpSegment segment = new FrameDecoder().decode(captured(link.linkType(), frames.get(i)));
            boolean ipv4 = segment.source().getAddress().length == 4;
            assertThat(List.of(fields).subList(0, FIELDS.length - 1)).as("frame %d", i + 1).containsExactly(
                    ipv4 ? "1" : "", "1",
                    String.valueOf(segment.sourcePort()), String.valueOf(segment.destinationPort()),
                    String.valueOf(segment.sequence()), String.valueOf(segment.acknowledgement()),
                    String.valueOf(segment.payloadLength()));
            assertThat(severities(fields[FIELDS.length - 1])).as("frame %d expert severities", i + 1)
                    .allMatch(severity -> severity < EXPERT_WARNING);
        }
    }

    /** A request, a SYN with options and a padded pure ACK in each IP version, and the header variants. */
    private static List<byte[]> sampleFrames(Link link) {
        List<byte[]> frames = new ArrayList<>();
        for (int ipVersion : new int[] {4, 6}) {
            if (!carries(link, ipVersion)) {
                continue;
            }
            frames.add(link.frame().apply(request(ipVersion)));
            frames.add(link.frame().apply(request(ipVersion).flags(TcpSegment.SYN).acknowledgement(0)
                    .payload(new byte[0]).tcpOptions(hex("020405b4 0402 01 030307 0000"))));
            frames.add(link.frame().apply(request(ipVersion).flags(TcpSegment.ACK).payload(new byte[0])));
            frames.add(link.frame().apply(ipVersion == 4
                    ? request(4).ipv4Options(hex("94040000")) // router alert
                    : request(6).ipv6ExtensionHeader(IpProtocol.HOP_BY_HOP_OPTIONS, 8)
                            .ipv6ExtensionHeader(IpProtocol.DESTINATION_OPTIONS, 16)));
        }
        if (link.linkType() == LinkType.ETHERNET) {
            frames.add(request(4).vlan(42).ethernet());
            frames.add(request(6).serviceVlan(100).vlan(42).ethernet());
        }
        return frames;
    }

    private static List<String> tshark(Path capture, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-o", "tcp.analyze_sequence_numbers:FALSE",
                "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        Path errors = folder.resolve("tshark.err");
        Process tshark = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(tshark.getInputStream().readAllBytes());
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).as("tshark finished").isTrue();
        assertThat(tshark.exitValue()).as("tshark exit status; stderr: %s", Files.readString(errors)).isZero();
        return output.lines().toList();
    }

    private static List<Integer> severities(String field) {
        return field.isEmpty() ? List.of() : Stream.of(field.split("\\|")).map(Integer::decode).toList();
    }

    /** A classic pcap file, little endian, microsecond timestamps one second apart. */
    private static Path writePcap(Path file, int linkType, List<byte[]> frames) throws IOException {
        int size = 24 + frames.stream().mapToInt(frame -> 16 + frame.length).sum();
        ByteBuffer pcap = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0) // time zone
                .putInt(0) // timestamp accuracy
                .putInt(65535) // snapshot length
                .putInt(linkType);
        long second = EPOCH_SECOND;
        for (byte[] frame : frames) {
            pcap.putInt((int) second++).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        }
        return Files.write(file, pcap.array());
    }
}
