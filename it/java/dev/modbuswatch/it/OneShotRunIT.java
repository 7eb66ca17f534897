package dev.modbuswatch.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-shot run as a user starts it: the packaged jar on the bundled sample and on bad input. */
class OneShotRunIT {

    private static final Path SAMPLE = Path.of(System.getProperty("project.basedir", "."))
            .resolve("samples/seed-scenario.pcap");

    @TempDir
    Path folder;

    @Test
    void sampleCaptureGivesOneEventPerPduInCaptureOrder() throws Exception {
        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<Map<String, String>> events = run.events();
        assertThat(events).extracting(e -> e.get("modbus.trans_id")).containsExactly("9", "9", "10", "10", "7", "7");
        Map<String, String> badLogin = events.get(5);
        assertThat(badLogin).containsEntry("EventTime", "2025-11-22T08:27:40.004000+00:00")
                .containsEntry("ipv4.src", "192.168.56.20").containsEntry("ipv4.dst", "192.168.56.10")
                .containsEntry("tcp.src_port", "502").containsEntry("tcp.dst_port", "39565")
                .containsEntry("tcp.flag", "[PSH, ACK]")
                .containsEntry("modbus.unit_id", "10")
                .containsEntry("modbus.function_code", "Write Multiple Registers Error (0x90)")
                .containsEntry("modbus.response.write_multiple_registers.exc_code", "Illegal Data Address (02)")
                .containsEntry("SourceModuleType", "im_pcap");
        assertThat(events.get(4)).as("the attempted passphrase never reaches the events")
                .containsEntry("modbus.query.write_multiple_registers.registers",
                        "passphrase masked: 6 registers, hmac-sha256 431e46d6d3f353e1");
        assertThat(run.stderr()).contains("6 Modbus PDUs in 2 connections");
    }

    @Test
    void sameCaptureGivesTheSameEventsOnEveryRun() throws Exception {
        List<Map<String, String>> first = withoutReceivedTime(OneShotProcess.run(SAMPLE, folder.resolve("a")).events());
        List<Map<String, String>> second = withoutReceivedTime(OneShotProcess.run(SAMPLE, folder.resolve("b")).events());

        assertThat(first).hasSize(6).isEqualTo(second);
    }

    @Test
    void settingsAreOverriddenOnTheCommandLine() throws Exception {
        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"),
                "-Dmodbus.event.source-module-name=plant_a", "-Dmodbus.event.time-zone=Europe/Berlin");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.events().get(0)).containsEntry("SourceModuleName", "plant_a")
                .containsEntry("EventTime", "2025-11-22T09:26:40.003000+01:00");
    }

    @Test
    void fileThatIsNotACaptureFailsWithOneLineAndWritesNothing() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.pcap"), "these are not packets\n");
        Path out = folder.resolve("out");

        OneShotProcess run = OneShotProcess.run(notes, out);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines()).singleElement().asString()
                .startsWith("modbus-watch: cannot read " + notes).contains("not a pcap or pcapng file");
        assertThat(out.resolve("events.jsonl")).doesNotExist();
    }

    @Test
    void missingFileFailsWithOneLine() throws Exception {
        OneShotProcess run = OneShotProcess.run(folder.resolve("absent.pcap"), folder.resolve("out"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines()).singleElement().asString().contains("absent.pcap");
    }

    @Test
    void fileCutInTheMiddleOfARecordIsProcessedUpToTheCutWithAWarning() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLE);
        // Frame 15 (the exception response, 63 bytes) is the last record cut: keep 20 of its bytes.
        int cut = recordOffset(sample, 15);
        Path truncated = Files.write(folder.resolve("cut.pcap"), Arrays.copyOf(sample, cut + 16 + 20));

        OneShotProcess run = OneShotProcess.run(truncated, folder.resolve("out"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("cut short at byte offset " + cut);
        assertThat(run.events()).extracting(e -> e.get("modbus.trans_id")).containsExactly("9", "9", "10", "10", "7");
    }

    @Test
    void nonModbusBytesOnTheModbusPortBecomeAnomalyRecords() throws Exception {
        Path capture = folder.resolve("junk.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(capture, CaptureFileSettings.of(LinkType.ETHERNET))) {
            new ModbusTcpConversation(InetAddress.getByName("10.9.9.1"), 40000, InetAddress.getByName("10.9.9.2"),
                    502, 1_700_000_000L, writer::write)
                    .open()
                    .fromClient("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII))
                    .exchange(ModbusTcpConversation.adu(1, 1, new byte[] {3, 0, 0, 0, 1}),
                            ModbusTcpConversation.adu(1, 1, new byte[] {3, 2, 0, 42}))
                    .fromClient("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                    .close();
        }

        OneShotProcess run = OneShotProcess.run(capture, folder.resolve("out"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.events()).extracting(e -> e.get("modbus.trans_id")).containsExactly("1", "1");
        List<Map<String, String>> anomalies = run.anomalies();
        assertThat(anomalies).hasSize(2).allSatisfy(anomaly -> assertThat(anomaly)
                .containsEntry("modbus.anomaly", "MALFORMED_HEADER")
                .containsEntry("ipv4.src", "10.9.9.1").containsEntry("tcp.dst_port", "502"));
        assertThat(anomalies.get(0)).containsEntry("modbus.anomaly_bytes", "21");
        assertThat(run.stderr()).contains("2 malformed MBAP headers (39 bytes skipped)");
    }

    @Test
    void badSettingFailsAtStartupNamingTheKey() throws Exception {
        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"), "-Dmodbus.correlation.timeout=soon");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().lines().filter(line -> line.startsWith("modbus-watch: "))).singleElement()
                .isEqualTo("modbus-watch: modbus.correlation.timeout = 'soon' (application.properties or a -D"
                        + " override): not a whole number of milliseconds");
        assertThat(folder.resolve("out/events.jsonl")).doesNotExist();
    }

    @Test
    void detectionsAndTheTransactionsFileCanBeSwitchedOffButOnlyWithTrueOrFalse() throws Exception {
        OneShotProcess off = OneShotProcess.run(SAMPLE, folder.resolve("off"),
                "-Dmodbus.output.transactions.enabled=false", "-Dmodbus.detect.bad-login.enabled=false");
        OneShotProcess typo = OneShotProcess.run(SAMPLE, folder.resolve("typo"), "-Dmodbus.detect.bad-login.enabled=no");

        assertThat(off.exitCode()).as(off.stderr()).isZero();
        assertThat(folder.resolve("off/transactions.jsonl")).doesNotExist();
        assertThat(off.jsonLines("alerts.jsonl")).isEmpty();
        assertThat(off.events()).hasSize(6);
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.stderr()).contains("modbus-watch: modbus.detect.bad-login.enabled = 'no'"
                + " (application.properties or a -D override): must be true or false");
    }

    @Test
    void aBatchTooBigForTheRouteThreadsStackFailsAtStartup() throws Exception {
        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"), "-Dmodbus.capture.batch-size=1500");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("modbus-watch: modbus.capture.batch-size = '1500' (application.properties or a"
                + " -D override): must be at most 1000");
    }

    @Test
    void badDeviceProfileFailsAtStartupNamingTheFileAndKey() throws Exception {
        Path profiles = Files.writeString(folder.resolve("devices.yaml"),
                "profiles:\n  t:\n    registers: {}\ndevices:\n  - match: 10.0.0.0/33\n    profile: t\n");

        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"), "-Dmodbus.profiles.file=" + profiles);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("modbus-watch: " + profiles
                + ": devices[0].match: '10.0.0.0/33' is not an IP address or CIDR block");
    }

    @Test
    void badLoginOfTheSampleIsOneAlertWithTheAttemptMasked() throws Exception {
        OneShotProcess run = OneShotProcess.run(SAMPLE, folder.resolve("out"));

        List<Map<String, String>> alerts = run.jsonLines("alerts.jsonl");
        assertThat(alerts).singleElement().satisfies(SampleAlert::assertIsTheSamplesBadLogin);
        assertThat(run.events().get(5)).containsEntry("SecurityAlert", "Bad login");
        assertThat(run.events().get(1)).containsEntry("modbus.register.temperature", "38.9")
                .containsEntry("modbus.register.temperature.unit", "°C");
        assertThat(run.stderr()).contains("transactions: ok 2, exception 1, timeout 0, orphan 0")
                .contains("alerts: Bad login 1");
    }

    /** Byte offset of the record of frame {@code number} (1-based) in a little-endian classic pcap. */
    private static int recordOffset(byte[] pcap, int number) {
        int offset = 24;
        for (int frame = 1; frame < number; frame++) {
            int captured = (pcap[offset + 8] & 0xFF) | (pcap[offset + 9] & 0xFF) << 8
                    | (pcap[offset + 10] & 0xFF) << 16 | (pcap[offset + 11] & 0xFF) << 24;
            offset += 16 + captured;
        }
        return offset;
    }

    private static List<Map<String, String>> withoutReceivedTime(List<Map<String, String>> events) {
        events.forEach(event -> event.remove("EventReceivedTime"));
        return events;
    }
}
