package dev.modbuswatch.it;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TCP gap (a segment the capture lost) on a Modbus connection, in a capture this test writes, run through the
 * packaged jar: what the gap may have hidden is {@code unobserved}, neither an {@code Unanswered write} nor an
 * {@code orphan}.
 */
class UnobservedAfterGapsIT {

    private static final long START = 1_700_000_000L;
    private static final int UNIT = 10;

    @TempDir
    Path folder;

    private final List<byte[]> frames = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private boolean loseNext;

    private ModbusTcpConversation connection() throws UnknownHostException {
        return new ModbusTcpConversation(InetAddress.getByName("10.20.0.5"), 40001, InetAddress.getByName("10.20.0.50"),
                502, START, (second, nanos, bytes) -> {
                    if (loseNext) {
                        loseNext = false;
                    } else {
                        frames.add(bytes);
                        times.add(new long[] {second, nanos});
                    }
                });
    }

    @Test
    void passphraseWriteWhoseAnswerFellInAGapIsUnobservedNotUnanswered() throws Exception {
        ModbusTcpConversation device = connection().open().fromClient(DetectionScenariosIT.login(1, "abcdef"));
        loseNext = true;
        device.fromServer(DetectionScenariosIT.exception(1))
                .exchange(read(2), readResponse(2))
                .pause(6_000_000_000L).exchange(read(3), readResponse(3));
        OneShotProcess run = run();

        assertThat(run.jsonLines("anomalies.jsonl")).extracting(a -> a.get("modbus.anomaly")).contains("GAP");
        assertThat(statuses(run)).containsExactly("ok", "unobserved", "ok");
        assertThat(run.jsonLines("alerts.jsonl")).as("alerts").isEmpty();
        assertThat(run.stderr()).contains("timeout 0, orphan 0, unobserved 1");
    }

    /**
     * The capture learns of a hole in the client's bytes only from what comes after it: here the next request, held
     * behind the hole until the device acknowledges past it with the answer to the lost one.
     */
    @Test
    void answerWhoseRequestFellInAGapIsUnobservedNotAnOrphan() throws Exception {
        ModbusTcpConversation device = connection().open();
        loseNext = true;
        device.fromClient(DetectionScenariosIT.login(1, "abcdef"))
                .fromClient(read(2))
                .fromServer(DetectionScenariosIT.exception(1))
                .fromServer(readResponse(2));
        OneShotProcess run = run();

        assertThat(statuses(run)).containsExactly("unobserved", "ok");
        assertThat(run.jsonLines("alerts.jsonl")).as("alerts").isEmpty();
        assertThat(run.stderr()).contains("orphan 0, unobserved 1");
    }

    private OneShotProcess run() throws Exception {
        Path capture = folder.resolve("gap.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(capture, CaptureFileSettings.of(LinkType.ETHERNET))) {
            for (int i = 0; i < frames.size(); i++) {
                writer.write(times.get(i)[0], (int) times.get(i)[1], frames.get(i));
            }
        }
        OneShotProcess run = OneShotProcess.run(capture, folder.resolve("out"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run;
    }

    private static List<String> statuses(OneShotProcess run) throws Exception {
        return run.jsonLines("transactions.jsonl").stream().map(t -> t.get("transaction.status")).toList();
    }

    private static byte[] read(int transaction) {
        return adu(transaction, UNIT, HexFormat.of().parseHex("0300000001"));
    }

    private static byte[] readResponse(int transaction) {
        return adu(transaction, UNIT, HexFormat.of().parseHex("0302002a"));
    }

}
