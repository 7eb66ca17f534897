package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modbuswatch.component.pcap.capture.CaptureFileSettings;
import dev.modbuswatch.component.pcap.capture.CaptureFileWriter;
import dev.modbuswatch.component.pcap.capture.PcapFileWriter;
import dev.modbuswatch.component.pcap.packet.LinkType;
import dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.modbuswatch.it.DetectionScenariosIT.address;
import static dev.modbuswatch.it.DetectionScenariosIT.exception;
import static dev.modbuswatch.it.DetectionScenariosIT.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure outputs of the packaged jar against {@link FakeAzure}, a real local HTTP server that checks signatures,
 * tokens and bodies and injects faults: every alert of a brute-force capture arrives (counted by a key unique per
 * alert), through 429 with Retry-After, 500, 503, timeouts, 413 and a down period spanning two runs; the secrets,
 * given as environment variables, appear nowhere in the output.
 */
class AzureOutputsIT {

    private static final InetAddress DEVICE = address("10.30.0.50");
    private static final long START = 1_700_000_000L;
    private static final int ATTACKERS = 8;
    private static final int ATTEMPTS = 7;
    private static final Map<String, String> SECRETS = Map.of("MODBUS_AZURE_SHARED_KEY", FakeAzure.SHARED_KEY,
            "MODBUS_AZURE_CLIENT_SECRET", FakeAzure.CLIENT_SECRET, "MODBUS_WATCH_LOG_LEVEL", "DEBUG");

    @TempDir
    Path folder;

    private Path capture;

    @BeforeEach
    void bruteForceCapture() throws IOException {
        capture = folder.resolve("brute-force.pcap");
        try (CaptureFileWriter writer = PcapFileWriter.create(capture, CaptureFileSettings.of(LinkType.ETHERNET))) {
            for (int attacker = 0; attacker < ATTACKERS; attacker++) {
                ModbusTcpConversation connection = new ModbusTcpConversation(address("10.30.0." + (10 + attacker)),
                        41000 + attacker, DEVICE, 502, START + attacker * 100L, writer::write).open();
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    connection.exchange(login(attempt, "guess" + attempt), exception(attempt))
                            .pause(2_000_000_000L);
                }
            }
        }
    }

    @Test
    void dataCollectorGetsEveryAlertSignedThroughThrottlingErrorsTimeoutsAndTooLarge() throws Exception {
        try (FakeAzure azure = new FakeAzure(0, 3_000)) {
            azure.faults.addAll(List.of(FakeAzure.Fault.TOO_MANY_REQUESTS, FakeAzure.Fault.SERVER_ERROR,
                    FakeAzure.Fault.UNAVAILABLE, FakeAzure.Fault.TIMEOUT, FakeAzure.Fault.TOO_LARGE));
            OneShotProcess run = OneShotProcess.run(SECRETS, capture, folder.resolve("out"), arguments(
                    dataCollector(azure), "-Dmodbus.output.azure.batch-size=20",
                    "-Dmodbus.output.azure.retry-backoff=100", "-Dmodbus.output.azure.retry-backoff-max=400",
                    "-Dcamel.component.https.response-timeout=1000", "-Dcamel.component.https.so-timeout=1000"));

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(azure.problems).isEmpty();
            Set<String> alerts = alertKeys(run.jsonLines("alerts.jsonl"));
            assertThat(alerts).hasSize(ATTACKERS * ATTEMPTS + ATTACKERS);
            assertThat(receivedKeys(azure.dataCollectorRecords)).isEqualTo(alerts);
            assertThat(azure.faults).as("every fault was served").isEmpty();
            long throttledAt = azure.tooManyRequestsAnsweredAt.get(0);
            assertThat(azure.callsAt).as("a call came no sooner than Retry-After (2 s) after the 429")
                    .anyMatch(at -> at >= throttledAt + 2_000);
            assertThat(run.stderr()).contains("azure-data-collector: " + alerts.size() + " records sent")
                    .containsPattern("azure-data-collector: .* [1-9][0-9]* retried, 0 spooled, 0 dead-lettered; all delivered");
            assertNoSecretIn(run);
        }
    }

    @Test
    void overHttpsTheServerIsTrustedThroughTheCaFile() throws Exception {
        Path keyStore = folder.resolve("server.p12");
        Path caFile = folder.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "fake-azure", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore",
                keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "fake-azure", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-file", caFile.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        try (FakeAzure azure = new FakeAzure(0, 3_000, tls)) {
            OneShotProcess run = OneShotProcess.run(SECRETS, capture, folder.resolve("out"), arguments(
                    dataCollector(azure), "-Dmodbus.output.azure.ca-file=" + caFile));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(azure.problems).isEmpty();
            assertThat(receivedKeys(azure.dataCollectorRecords)).isEqualTo(alertKeys(run.jsonLines("alerts.jsonl")));
            assertThat(azure.dataCollectorUrl()).startsWith("https://");
            assertNoSecretIn(run);
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    @Test
    void logsIngestionGetsEveryAlertGzippedWithValidColumnsAndOneCachedToken() throws Exception {
        try (FakeAzure azure = new FakeAzure(0, 3_000)) {
            azure.faults.addAll(List.of(FakeAzure.Fault.UNAVAILABLE, FakeAzure.Fault.TOO_LARGE));
            OneShotProcess run = OneShotProcess.run(SECRETS, capture, folder.resolve("out"), arguments(
                    ingestion(azure), "-Dmodbus.output.azure-ingestion.batch-size=25",
                    "-Dmodbus.output.azure-ingestion.retry-backoff=100"));

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(azure.problems).isEmpty();
            Set<String> alerts = alertKeys(run.jsonLines("alerts.jsonl"));
            assertThat(receivedKeys(azure.ingestionRecords, "ipv4_dst", "tcp_dst_port", "modbus_trans_id", "SecurityAlert"))
                    .isEqualTo(alerts);
            assertThat(azure.tokensIssued).hasValue(1);
            assertThat(run.stderr()).contains("azure-ingestion: " + alerts.size() + " records sent")
                    .contains("0 spooled, 0 dead-lettered; all delivered");
            assertNoSecretIn(run);
        }
    }

    @Test
    void whileTheEndpointIsDownAlertsAreSpooledAndTheNextRunReplaysThem() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path output = folder.resolve("out");
        String[] settings = {"-Dmodbus.output.azure.enabled=true",
                "-Dmodbus.output.azure.workspace-id=" + FakeAzure.WORKSPACE,
                "-Dmodbus.output.azure.url=http://127.0.0.1:" + port + "/api/logs?api-version=2016-04-01",
                "-Dmodbus.output.azure-ingestion.enabled=true",
                "-Dmodbus.output.azure-ingestion.tenant-id=" + FakeAzure.TENANT,
                "-Dmodbus.output.azure-ingestion.client-id=" + FakeAzure.CLIENT_ID,
                "-Dmodbus.output.azure-ingestion.endpoint=http://127.0.0.1:" + port,
                "-Dmodbus.output.azure-ingestion.dcr-id=" + FakeAzure.DCR,
                "-Dmodbus.output.azure-ingestion.stream=" + FakeAzure.STREAM,
                "-Dmodbus.output.azure-ingestion.token-url=http://127.0.0.1:" + port + "/token",
                "-Dmodbus.output.azure.batch-size=10", "-Dmodbus.output.azure-ingestion.batch-size=10",
                "-Dmodbus.output.azure.retries=1", "-Dmodbus.output.azure-ingestion.retries=1",
                "-Dmodbus.output.azure.retry-backoff=100", "-Dmodbus.output.azure-ingestion.retry-backoff=100"};

        OneShotProcess down = OneShotProcess.run(SECRETS, capture, output, settings);
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        Set<String> alerts = alertKeys(down.jsonLines("alerts.jsonl"));
        assertThat(down.stderr())
                .containsPattern("azure-data-collector: 0 records sent \\(0 from the spool\\), [0-9]+ retried, "
                        + alerts.size() + " spooled")
                .contains("azure-ingestion: 0 records sent")
                .contains(alerts.size() + " records wait in the spool");
        assertNoSecretIn(down);

        try (FakeAzure azure = new FakeAzure(port, 3_000)) {
            OneShotProcess up = OneShotProcess.run(SECRETS, capture, output, settings);
            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(azure.problems).isEmpty();
            assertThat(alertKeys(up.jsonLines("alerts.jsonl"))).isEqualTo(alerts);
            assertThat(receivedKeys(azure.dataCollectorRecords)).isEqualTo(alerts);
            assertThat(azure.dataCollectorRecords).as("the first run's alerts from the spool, then the second's")
                    .hasSize(2 * alerts.size());
            assertThat(receivedKeys(azure.ingestionRecords, "ipv4_dst", "tcp_dst_port", "modbus_trans_id", "SecurityAlert"))
                    .isEqualTo(alerts);
            assertThat(up.stderr())
                    .contains("azure-data-collector: " + 2 * alerts.size() + " records sent (" + alerts.size()
                            + " from the spool)")
                    .contains("azure-ingestion: " + 2 * alerts.size() + " records sent (" + alerts.size()
                            + " from the spool)")
                    .doesNotContain("wait in the spool");
            assertNoSecretIn(up);
        }
    }

    @Test
    void noSecretIsLoggedAtAnyLevel() throws Exception {
        String maskKey = "mask-key-given-on-the-command-line";
        try (FakeAzure azure = new FakeAzure(0, 3_000)) {
            azure.faults.add(FakeAzure.Fault.SERVER_ERROR);
            OneShotProcess run = OneShotProcess.run(Map.of("MODBUS_AZURE_CLIENT_SECRET", FakeAzure.CLIENT_SECRET,
                    "CAMEL_LOG_LEVEL", "TRACE", "MODBUS_WATCH_LOG_LEVEL", "TRACE"), capture, folder.resolve("out"),
                    arguments(dataCollector(azure), arguments(ingestion(azure),
                            "-Dmodbus.output.azure.shared-key=" + FakeAzure.SHARED_KEY,
                            "-Dmodbus.detect.bad-login.mask-key=" + maskKey,
                            "-Dmodbus.output.azure.retry-backoff=100")));

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(azure.problems).isEmpty();
            assertThat(azure.issuedTokens).isNotEmpty();
            assertThat(azure.authorizations).hasSizeGreaterThan(2);
            String logs = run.stderr() + run.stdout();
            assertThat(logs).as("Camel's TRACE output").contains("TRACE");
            assertThat(logs).as("the settings summary names the keys").contains("modbus.output.azure.shared-key");
            List<String> secrets = new ArrayList<>(List.of(FakeAzure.SHARED_KEY, FakeAzure.CLIENT_SECRET, maskKey));
            secrets.addAll(azure.issuedTokens);
            azure.authorizations.forEach(authorization -> secrets.add(authorization.substring(
                    authorization.indexOf(' ') + 1)));
            for (String secret : secrets) {
                assertThat(logs).as("the logs").doesNotContain(secret);
            }
        }
    }

    @Test
    void aMissingOrInvalidSettingOfAnEnabledOutputStopsTheStartNamingTheKeyButNotTheSecret() throws Exception {
        OneShotProcess missing = OneShotProcess.run(SECRETS, capture, folder.resolve("out"),
                "-Dmodbus.output.azure.enabled=true");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("modbus.output.azure.workspace-id");

        String badKey = "not-base64-but-secret!";
        OneShotProcess invalid = OneShotProcess.run(Map.of("MODBUS_AZURE_SHARED_KEY", badKey), capture,
                folder.resolve("out"), "-Dmodbus.output.azure.enabled=true",
                "-Dmodbus.output.azure.workspace-id=" + FakeAzure.WORKSPACE);
        assertThat(invalid.exitCode()).isNotZero();
        assertThat(invalid.stderr()).contains("modbus.output.azure.shared-key").contains("not Base64");
        assertThat(invalid.stderr() + invalid.stdout()).doesNotContain(badKey);
    }

    private static String[] arguments(List<String> settings, String... more) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static List<String> dataCollector(FakeAzure azure) {
        return List.of("-Dmodbus.output.azure.enabled=true",
                "-Dmodbus.output.azure.workspace-id=" + FakeAzure.WORKSPACE,
                "-Dmodbus.output.azure.url=" + azure.dataCollectorUrl());
    }

    private static List<String> ingestion(FakeAzure azure) {
        return List.of("-Dmodbus.output.azure-ingestion.enabled=true",
                "-Dmodbus.output.azure-ingestion.tenant-id=" + FakeAzure.TENANT,
                "-Dmodbus.output.azure-ingestion.client-id=" + FakeAzure.CLIENT_ID,
                "-Dmodbus.output.azure-ingestion.endpoint=" + azure.endpoint(),
                "-Dmodbus.output.azure-ingestion.dcr-id=" + FakeAzure.DCR,
                "-Dmodbus.output.azure-ingestion.stream=" + FakeAzure.STREAM,
                "-Dmodbus.output.azure-ingestion.token-url=" + azure.tokenUrl());
    }

    private static void assertNoSecretIn(OneShotProcess run) {
        for (String secret : List.of(FakeAzure.SHARED_KEY, FakeAzure.CLIENT_SECRET)) {
            assertThat(run.stderr() + run.stdout()).as("the logs").doesNotContain(secret);
        }
    }

    /** One key per alert: client, client port (the alerts are on responses), transaction ID and alert name. */
    private static Set<String> alertKeys(List<Map<String, String>> alerts) {
        return alerts.stream().map(alert -> String.join("/", alert.get("ipv4.dst"), alert.get("tcp.dst_port"),
                alert.get("modbus.trans_id"), alert.get("SecurityAlert"))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The same key from records as received, with these field names. */
    private static Set<String> receivedKeys(List<JsonNode> records, String... fields) {
        return records.stream().map(record -> Arrays.stream(fields).map(field -> record.path(field).asText())
                .collect(Collectors.joining("/"))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> receivedKeys(List<JsonNode> records) {
        return receivedKeys(records, "ipv4.dst", "tcp.dst_port", "modbus.trans_id", "SecurityAlert");
    }
}
