package dev.modbuswatch.it;

import dev.modbuswatch.bench.PlantedAlerts;
import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's generated capture through the packaged jar: every PDU an event, exactly the planted alerts. */
class SyntheticCaptureIT {

    @TempDir
    Path folder;

    @Test
    void oneShotRunFindsExactlyThePlantedBadLogins() throws Exception {
        Path capture = folder.resolve("synthetic.pcap");
        int exit = new CommandLine(new SyntheticCaptureGenerator()).execute("--transactions", "3000",
                "--connections", "3", "--devices", "2", "--bad-logins", "6", "--out", capture.toString());
        assertThat(exit).isZero();

        OneShotProcess run = OneShotProcess.run(capture, folder.resolve("out"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("6000 Modbus PDUs in 3 connections", "ok 2994, exception 6",
                "alerts: Bad login 6");
        List<String> planted = PlantedAlerts.keys(PlantedAlerts.fileFor(capture));
        assertThat(planted).hasSize(6);
        assertThat(PlantedAlerts.differences(planted, PlantedAlerts.keys(folder.resolve("out/alerts.jsonl"))))
                .isEmpty();
        List<Map<String, String>> events = run.events();
        assertThat(events).hasSize(6000);
        assertThat(events).extracting(e -> e.get("ipv4.src")).as("clients and devices on the loopback network")
                .allMatch(address -> address.startsWith("127.0."));
    }

    @Test
    void tooManyBadLoginsForTheTransactionsAreRefused() {
        int exit = new CommandLine(new SyntheticCaptureGenerator()).execute("--transactions", "100",
                "--connections", "8", "--bad-logins", "10", "--out", folder.resolve("x.pcap").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(folder.resolve("x.pcap")).doesNotExist();
    }
}
