package dev.modbuswatch.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar sends to a real rsyslogd over UDP, TCP and TLS in both formats; every message rsyslog writes
 * (its raw text) must parse strictly as the chosen RFC and carry exactly the record of alerts.jsonl / events.jsonl.
 */
class SyslogOutputIT {

    private static final Path SAMPLE = Path.of("samples/seed-scenario.pcap");
    private static final int ALERT_PRI = 1 * 8 + 4;
    private static final int EVENT_PRI = 1 * 8 + 5;

    @TempDir
    Path dir;

    @BeforeAll
    static void rsyslogd() {
        RsyslogServer.requireRsyslogd();
    }

    private TestCertificates certificates;

    private RsyslogServer server(String protocol, int port) throws Exception {
        if (protocol.equals("tls") && certificates == null) {
            certificates = TestCertificates.create(dir.resolve("certs"));
        }
        return RsyslogServer.configure(dir.resolve("rsyslog"), protocol, port, certificates);
    }

    private List<String> settings(String protocol, String format, int port, String... more) {
        List<String> arguments = new ArrayList<>(List.of("-Dmodbus.output.syslog.enabled=true",
                "-Dmodbus.output.syslog.host=127.0.0.1", "-Dmodbus.output.syslog.port=" + port,
                "-Dmodbus.output.syslog.protocol=" + protocol, "-Dmodbus.output.syslog.format=" + format));
        if (protocol.equals("tls")) {
            arguments.addAll(List.of("-Dmodbus.output.syslog.tls.ca-file=" + certificates.caFile(),
                    "-Dmodbus.output.syslog.tls.certificate-file=" + certificates.clientCertificate(),
                    "-Dmodbus.output.syslog.tls.key-file=" + certificates.clientKey()));
        }
        arguments.addAll(List.of(more));
        return arguments;
    }

    private OneShotProcess run(Path capture, List<String> settings) throws Exception {
        List<String> arguments = new ArrayList<>();
        settings.forEach(setting -> arguments.addAll(List.of("-D", setting.substring(2))));
        return OneShotProcess.run(capture, dir.resolve("out"), arguments.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"udp, rfc5424", "udp, rfc3164", "tcp, rfc5424", "tcp, rfc3164", "tls, rfc5424", "tls, rfc3164"})
    void everyAlertOfTheSampleArrivesIntact(String protocol, String format) throws Exception {
        int port = RsyslogServer.freePort();
        try (RsyslogServer server = server(protocol, port).start()) {
            OneShotProcess run = run(SAMPLE, settings(protocol, format, port));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<Map<String, String>> alerts = run.jsonLines("alerts.jsonl");
            assertThat(alerts).as("the sample raises alerts").isNotEmpty();
            awaitMessages(server, alerts.size());
            assertReceived(server.messages(), alerts, format);
            assertThat(run.stderr()).contains("syslog: " + alerts.size() + " sent, ")
                    .contains(", 0 undelivered");
            assertThat(run.output().resolve("syslog-undelivered.jsonl")).doesNotExist();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-Dmodbus.output.syslog.protocol=relp | modbus.output.syslog.protocol = 'relp' (application.properties or"
                    + " a -D override): must be udp, tcp or tls",
            "-Dmodbus.output.syslog.format=json | modbus.output.syslog.format = 'json' (application.properties or a -D"
                    + " override): must be rfc5424 or rfc3164",
            "-Dmodbus.output.syslog.port=70000 | modbus.output.syslog.port = '70000'",
            "-Dmodbus.output.syslog.facility=local9 | modbus.output.syslog.facility = 'local9'",
            "-Dmodbus.output.syslog.enabled=yes | modbus.output.syslog.enabled = 'yes'",
            "-Dmodbus.output.syslog.tls.ca-file=/nonexistent/ca.pem | modbus.output.syslog.tls.ca-file ="
                    + " '/nonexistent/ca.pem'"})
    void aBadSettingStopsTheStartNamingTheKey(String setting, String message) throws Exception {
        List<String> settings = new ArrayList<>(settings("tcp", "rfc5424", 6514));
        if (setting.contains("tls.")) {
            settings.add("-Dmodbus.output.syslog.protocol=tls");
        }
        settings.add(setting);
        OneShotProcess run = run(SAMPLE, settings);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("modbus-watch: " + message);
    }

    @Test
    void everyEventAndAlertOfALargerCaptureArrivesWithRecordsAll() throws Exception {
        Path capture = SharedCaptures.require().root().resolve("ITI-ICS-Security-Tools/modbus_test_2.pcap");
        int port = RsyslogServer.freePort();
        try (RsyslogServer server = server("tcp", port).start()) {
            OneShotProcess run = run(capture, settings("tcp", "rfc5424", port,
                    "-Dmodbus.output.syslog.records=all"));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<Map<String, String>> records = new ArrayList<>(run.events());
            records.addAll(run.jsonLines("alerts.jsonl"));
            awaitMessages(server, records.size());
            assertReceived(server.messages(), records, "rfc5424");
        }
    }

    @Test
    void aServerDownAtTheStartGetsEverythingOnceItIsUp() throws Exception {
        int port = RsyslogServer.freePort();
        RsyslogServer server = server("tcp", port);
        CompletableFuture<OneShotProcess> run = runInBackground(SAMPLE, settings("tcp", "rfc5424", port));
        Path alertsFile = dir.resolve("out/alerts.jsonl");
        RsyslogServer.poll(Duration.ofMinutes(2), () -> Files.exists(alertsFile) || run.isDone(),
                () -> "no alerts.jsonl");
        assertThat(run).as("the run waits for the server").isNotDone();
        try (RsyslogServer started = server.start()) {
            OneShotProcess done = run.get(5, TimeUnit.MINUTES);
            assertThat(done.exitCode()).as(done.stderr()).isZero();
            List<Map<String, String>> alerts = done.jsonLines("alerts.jsonl");
            awaitMessages(started, alerts.size());
            assertReceived(started.messages(), alerts, "rfc5424");
            assertThat(done.stderr()).contains("syslog: " + alerts.size() + " sent, ").contains(", 0 undelivered");
        }
    }

    @Test
    void aServerRestartedMidRunLosesNothing() throws Exception {
        Path capture = SharedCaptures.require().root().resolve("ITI-ICS-Security-Tools/mb2.pcap");
        int port = RsyslogServer.freePort();
        RsyslogServer server = server("tcp", port).start();
        CompletableFuture<OneShotProcess> run = runInBackground(capture, settings("tcp", "rfc5424", port,
                "-Dmodbus.output.syslog.records=all"));
        int before;
        try {
            RsyslogServer.poll(Duration.ofMinutes(2), () -> server.messages().size() >= 200 || run.isDone(),
                    () -> "nothing arrived");
            server.stop();
            before = server.messages().size();
            assertThat(run).as("the run is still going when the server stops").isNotDone();
        } finally {
            server.stop();
        }
        try (RsyslogServer restarted = server.start()) {
            OneShotProcess done = run.get(5, TimeUnit.MINUTES);
            assertThat(done.exitCode()).as(done.stderr()).isZero();
            List<Map<String, String>> records = new ArrayList<>(done.events());
            records.addAll(done.jsonLines("alerts.jsonl"));
            RsyslogServer.poll(Duration.ofMinutes(1), () -> restarted.messages().size() >= records.size(),
                    () -> restarted.messages().size() + " of " + records.size() + " messages arrived");
            assertThat(restarted.messages().size()).as("messages after the restart").isGreaterThan(before);
            assertThat(done.stderr()).contains(", 0 undelivered");
            // At least once: a message the old server took but did not write may come twice.
            Map<Map<String, String>, Integer> received = counts(parse5424(restarted.messages()));
            Map<Map<String, String>, Integer> expected = counts(withoutNulls(records));
            expected.forEach((record, count) -> assertThat(received.getOrDefault(record, 0))
                    .as("copies of %s", record).isGreaterThanOrEqualTo(count));
        }
    }

    private CompletableFuture<OneShotProcess> runInBackground(Path capture, List<String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(capture, settings);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitMessages(RsyslogServer server, int count) throws InterruptedException {
        RsyslogServer.poll(Duration.ofMinutes(1), () -> server.messages().size() >= count,
                () -> server.messages().size() + " of " + count + " messages arrived; rsyslogd: " + server.output());
    }

    private static void assertReceived(List<String> messages, List<Map<String, String>> records, String format)
            throws Exception {
        assertThat(messages).hasSameSizeAs(records);
        List<Map<String, String>> received = new ArrayList<>();
        if (format.equals("rfc5424")) {
            for (String text : messages) {
                SyslogMessages.Rfc5424 message = SyslogMessages.rfc5424(text);
                boolean alert = message.params().containsKey("SecurityAlert");
                assertThat(message.pri()).isEqualTo(alert ? ALERT_PRI : EVENT_PRI);
                assertThat(message.appName()).isEqualTo("modbus-watch");
                assertThat(message.procId()).matches("\\d+");
                assertThat(message.msgId()).isEqualTo(alert ? "alert" : "event");
                assertThat(message.sdId()).isEqualTo("modbus@32473");
                assertThat(message.msg()).startsWith(alert ? message.params().get("SecurityAlert") : "Modbus event");
                received.add(message.params());
            }
        } else {
            for (String text : messages) {
                SyslogMessages.Rfc3164 message = SyslogMessages.rfc3164(text);
                assertThat(message.pri()).isEqualTo(message.json().containsKey("SecurityAlert") ? ALERT_PRI
                        : EVENT_PRI);
                assertThat(message.tag()).isEqualTo("modbus-watch");
                received.add(message.json());
            }
        }
        assertThat(counts(received)).isEqualTo(counts(format.equals("rfc5424") ? withoutNulls(records) : records));
    }

    private static List<Map<String, String>> parse5424(List<String> messages) {
        return messages.stream().map(text -> SyslogMessages.rfc5424(text).params()).toList();
    }

    /**
     * What RFC 5424 structured data holds of a record, by the rule the README documents: a field without a value is
     * left out; in a name longer than 32 characters the inner segments become the initials of their words, longest
     * first, until it fits (the fields of these captures need nothing else).
     */
    private static List<Map<String, String>> withoutNulls(List<Map<String, String>> records) {
        List<Map<String, String>> cleaned = new ArrayList<>();
        for (Map<String, String> record : records) {
            Map<String, String> params = new LinkedHashMap<>();
            record.forEach((name, value) -> {
                if (value != null) {
                    String param = sdParamName(name);
                    assertThat(params.put(param, value)).as("SD-PARAM %s is unique", param).isNull();
                }
            });
            cleaned.add(params);
        }
        return cleaned;
    }

    private static String sdParamName(String field) {
        List<String> segments = new ArrayList<>(List.of(field.split("\\.")));
        while (String.join(".", segments).length() > 32) {
            int longest = -1;
            List<String> initials = new ArrayList<>();
            for (String segment : segments) {
                StringBuilder letters = new StringBuilder();
                for (String word : segment.split("_")) {
                    letters.append(word.charAt(0));
                }
                initials.add(letters.toString());
            }
            for (int i = 0; i < segments.size() - 1; i++) {
                if (initials.get(i).length() < segments.get(i).length() && (longest < 0
                        || segments.get(i).length() > segments.get(longest).length())) {
                    longest = i;
                }
            }
            assertThat(longest).as("a shortenable segment in %s", field).isNotNegative();
            segments.set(longest, initials.get(longest));
        }
        return String.join(".", segments);
    }

    private static Map<Map<String, String>, Integer> counts(List<Map<String, String>> records) {
        Map<Map<String, String>, Integer> counts = new HashMap<>();
        records.forEach(record -> counts.merge(record, 1, Integer::sum));
        return counts;
    }
}
