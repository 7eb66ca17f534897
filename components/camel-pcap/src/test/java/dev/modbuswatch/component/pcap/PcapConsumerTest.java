package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapngFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component end to end on captures this test writes: every reassembly case in one capture file, in both file
 * formats and through both readers, plus truncated and broken files.
 */
class PcapConsumerTest extends CamelTestSupport {

    private static final InetAddress CLIENT = address("10.1.1.1");
    private static final InetAddress SERVER = address("10.1.1.2");

    @TempDir
    Path folder;

    private record Frame(long second, int nanos, byte[] bytes) {
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unused").to("mock:unused");
            }
        };
    }

    @Test
    void everyReassemblyCaseInOneCapture() throws Exception {
        Path capture = folder.resolve("cases.pcap");
        write(capture, PcapFileWriter::create, reassemblyCases());

        Result result = consume("pcap:file:" + capture + "?batchSize=3");

        assertThat(result.adus).extracting(ModbusAdu::transactionId)
                .as("split ADU (1), three in one segment (2-4), retransmission dropped (5 once), out of order (6, 7),"
                        + " after non-Modbus bytes (8), after a gap (10), after an absurd length (11, not 12 in its segment)")
                .containsExactly(1, 101, 2, 3, 4, 5, 105, 6, 7, 107, 8, 10, 110, 11);
        assertThat(result.anomalies).extracting(StreamAnomaly::kind).containsExactly(
                StreamAnomaly.Kind.MALFORMED_HEADER, StreamAnomaly.Kind.GAP, StreamAnomaly.Kind.MALFORMED_HEADER);
        ModbusAdu split = result.adus.get(0);
        assertThat(split.pdu()).containsExactly(hex("10 001f 0003 06 0061 0062 0063"));
        assertThat(split.fromServer()).isFalse();
        assertThat(result.adus.get(1).fromServer()).isTrue();
        CaptureStatistics statistics = result.statistics;
        assertThat(statistics.traffic().retransmittedSegments()).isEqualTo(1);
        assertThat(statistics.traffic().gaps()).isEqualTo(1);
        assertThat(statistics.traffic().malformedHeaders()).isEqualTo(2);
        assertThat(statistics.traffic().adus()).isEqualTo(14);
        assertThat(statistics.truncatedAt()).isEqualTo(-1);
        assertThat(result.failure).isNull();
    }

    @Test
    void pcapngAndLibpcapReaderGiveTheSameAdus() throws Exception {
        Path pcap = folder.resolve("cases.pcap");
        Path pcapng = folder.resolve("cases.pcapng");
        List<Frame> frames = reassemblyCases();
        write(pcap, PcapFileWriter::create, frames);
        write(pcapng, PcapngFileWriter::create, frames);

        List<ModbusAdu> java = consume("pcap:file:" + pcap).adus;
        List<ModbusAdu> ng = consume("pcap:file:" + pcapng).adus;
        List<ModbusAdu> libpcap = consume("pcap:file:" + pcap + "?reader=libpcap").adus;

        assertThat(describe(ng)).isEqualTo(describe(java));
        assertThat(describe(libpcap)).isEqualTo(describe(java));
        assertThat(java).hasSize(14);
    }

    @Test
    void bpfFilterIsAppliedToTheJavaReader() throws Exception {
        Path capture = folder.resolve("cases.pcap");
        write(capture, PcapFileWriter::create, reassemblyCases());

        assertThat(consume("pcap:file:" + capture + "?filter=tcp port 4000").adus).isEmpty();
        assertThat(consume("pcap:file:" + capture + "?filter=tcp port 40001").adus).hasSize(14);
    }

    @Test
    void fileCutShortInARecordYieldsWhatCameBefore() throws Exception {
        Path capture = folder.resolve("cut.pcap");
        List<Frame> frames = reassemblyCases();
        // cut inside the frame of request 11, the last ADU: keep its record header and 20 of its bytes
        int lastAdu = frames.size() - 4;
        List<Frame> kept = frames.subList(0, lastAdu + 1);
        write(capture, PcapFileWriter::create, kept);
        long cut = Files.size(capture) - kept.get(lastAdu).bytes.length + 20;
        try (FileChannel channel = FileChannel.open(capture, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }

        Result result = consume("pcap:file:" + capture);

        assertThat(result.statistics.truncatedAt()).isEqualTo(cut - 20 - 16);
        assertThat(result.failure).isNull();
        assertThat(result.adus).extracting(ModbusAdu::transactionId)
                .containsExactly(1, 101, 2, 3, 4, 5, 105, 6, 7, 107, 8, 10, 110);
    }

    @Test
    void invalidOptionsAreRejectedWithTheirName() {
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("pcap:file:/x.pcap?batchSize=-1").to("mock:never");
                    }
                }))).hasStackTraceContaining("pcap option batchSize=-1 must be above 0");
    }

    @Test
    void fileThatIsNotACaptureEndsTheCaptureWithAFailure() throws Exception {
        Path notCapture = folder.resolve("notes.txt");
        Files.writeString(notCapture, "<html>not a capture</html>");

        Result result = consume("pcap:file:" + notCapture);

        assertThat(result.failure).contains("not a pcap or pcapng file");
        assertThat(result.adus).isEmpty();
    }

    @Test
    void badUriIsRejectedWithAClearMessage() {
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("pcap:tape:/x")))
                .hasMessageContaining("unknown capture kind 'tape', expected file or live");
    }

    /** The cases, on one connection from 10.1.1.1:40001, in the order the frames are written. */
    private static List<Frame> reassemblyCases() throws IOException {
        List<Frame> frames = new ArrayList<>();
        ModbusTcpConversation connection = new ModbusTcpConversation(CLIENT, 40001, SERVER, 502, 1_700_000_000L,
                (second, nanos, bytes) -> frames.add(new Frame(second, nanos, bytes)));
        byte[] write = adu(1, 10, hex("10 001f 0003 06 0061 0062 0063"));
        connection.open()
                .fromClient(Arrays.copyOfRange(write, 0, 5))
                .fromClient(Arrays.copyOfRange(write, 5, 11))
                .fromClient(Arrays.copyOfRange(write, 11, write.length))
                .fromServer(adu(101, 10, hex("10 001f 0003")))
                .fromClient(concat(read(2), read(3), read(4)))
                .fromClient(read(5))
                .fromServer(adu(105, 10, hex("03 02 0185")));
        int retransmission = frames.size() - 2;
        connection.fromClient(read(6)).fromClient(read(7));
        int sixth = frames.size() - 2;
        connection.fromServer(adu(107, 10, hex("03 02 0001")))
                .fromClient("HELLO PLC, are you there?".getBytes())
                .fromClient(read(8))
                .fromClient(read(9));
        int lost = frames.size() - 1;
        connection.fromClient(read(10))
                .fromServer(adu(110, 10, hex("03 02 0002")))
                .fromClient(concat(hex("000b 0000 8804 0a 03"), read(12)))
                .fromClient(read(11))
                .close();
        // retransmit request 5, swap requests 6 and 7, lose request 9 (the server's response acknowledges it)
        frames.add(retransmission + 1, frames.get(retransmission));
        frames.add(sixth + 1, frames.remove(sixth + 2));
        frames.remove(lost + 1);
        return frames;
    }

    private interface WriterFactory {
        CaptureFileWriter create(Path file, CaptureFileSettings settings) throws IOException;
    }

    private static void write(Path file, WriterFactory factory, List<Frame> frames) throws IOException {
        try (CaptureFileWriter writer = factory.create(file, CaptureFileSettings.of(LinkType.ETHERNET))) {
            for (Frame frame : frames) {
                writer.write(frame.second, frame.nanos, frame.bytes);
            }
        }
    }

    private static final class Result {
        final List<ModbusAdu> adus = new ArrayList<>();
        final List<StreamAnomaly> anomalies = new ArrayList<>();
        CaptureStatistics statistics;
        String failure;
    }

    private Result consume(String uri) throws Exception {
        String routeId = "capture-" + System.nanoTime();
        NotifyBuilder ended = new NotifyBuilder(context).fromRoute(routeId)
                .filter(org.apache.camel.builder.Builder.header(PcapConstants.MESSAGE_TYPE).isEqualTo(PcapConstants.TYPE_END_OF_CAPTURE))
                .whenDone(1).create();
        MockEndpoint mock = getMockEndpoint("mock:" + routeId);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
        assertThat(ended.matches(20, TimeUnit.SECONDS)).as("end of capture within 20 s").isTrue();
        context.getRouteController().stopRoute(routeId);
        Result result = new Result();
        for (Exchange exchange : mock.getExchanges()) {
            String type = exchange.getMessage().getHeader(PcapConstants.MESSAGE_TYPE, String.class);
            switch (type) {
                case PcapConstants.TYPE_ADUS -> {
                    List<?> batch = exchange.getMessage().getBody(List.class);
                    batch.forEach(adu -> result.adus.add((ModbusAdu) adu));
                }
                case PcapConstants.TYPE_ANOMALY ->
                        result.anomalies.add(exchange.getMessage().getBody(StreamAnomaly.class));
                default -> {
                    result.statistics = exchange.getMessage().getHeader(PcapConstants.STATISTICS,
                            CaptureStatistics.class);
                    result.failure = exchange.getMessage().getHeader(PcapConstants.FAILURE, String.class);
                }
            }
        }
        return result;
    }

    private static List<String> describe(List<ModbusAdu> adus) {
        return adus.stream().map(a -> a.epochSecond() + "." + a.nanos() + " " + a.fromServer() + " "
                + a.transactionId() + " " + HexFormat.of().formatHex(a.pdu())).toList();
    }

    private static byte[] read(int transactionId) {
        return adu(transactionId, 10, hex("03 0004 0001"));
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer joined = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(joined::put);
        return joined.array();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
