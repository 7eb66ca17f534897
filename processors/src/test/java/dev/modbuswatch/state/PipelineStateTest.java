package dev.modbuswatch.state;

import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.PendingGroups;
import dev.modbuswatch.correlate.TransactionKey;
import dev.modbuswatch.correlate.TransactionStatus;
import dev.modbuswatch.correlate.UnseenTraffic;
import dev.modbuswatch.detect.Alert;
import dev.modbuswatch.detect.LoginBurst;
import dev.modbuswatch.detect.LoginBurstAggregation;
import dev.modbuswatch.detect.ProtocolAnomalyDetector;
import dev.modbuswatch.detect.UnauthorizedWriteDetector;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.modbuswatch.correlate.Messages.CONNECTION;
import static dev.modbuswatch.correlate.Messages.OTHER_CONNECTION;
import static dev.modbuswatch.correlate.Messages.START;
import static dev.modbuswatch.correlate.Messages.login;
import static dev.modbuswatch.correlate.Messages.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's state saved by one run and restored by the next, through the state file. */
class PipelineStateTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path folder;

    private final Run first = new Run();
    private final Run second = new Run();

    @AfterEach
    void stop() {
        first.context.stop();
        second.context.stop();
    }

    @Test
    void pendingRequestsBurstsAndRecentTimesComeBackAfterARestart() {
        PipelineState saving = first.state(1000);
        saving.start();
        ModbusMessage request = login(CONNECTION, 7, 0);
        String key = new TransactionKey().of(request);
        first.transactions.add(first.context, key, first.group(ModbusTransaction.of(request)));
        LoginBurst burst = new LoginBurst(List.of(badLogin(1, SECOND), badLogin(2, 2 * SECOND)), false);
        first.loginBursts.add(first.context, "10.20.0.5>10.20.0.50/1", first.group(burst));
        first.bursts.recentBadLogins().restore(Map.of("10.20.0.5>10.20.0.50/1", START + 2 * SECOND));
        first.writes.recentLogins().restore(Map.of(OTHER_CONNECTION, START + 3 * SECOND));
        first.anomalies.recentAlerts().restore(Map.of(CONNECTION, START + 4 * SECOND));
        saving.stop();

        second.state(1000).start();

        ModbusTransaction pending = second.transactions.get(second.context, key).getMessage()
                .getBody(ModbusTransaction.class);
        assertThat(pending.request().adu()).usingRecursiveComparison().isEqualTo(request.adu());
        assertThat(pending.request().event()).containsExactlyEntriesOf(request.event());
        assertThat(pending.request().pdu()).isEqualTo(request.pdu());
        assertThat(pending.status()).as("pending across the restart").isEqualTo(TransactionStatus.unobserved);
        LoginBurst restored = second.loginBursts.get(second.context, "10.20.0.5>10.20.0.50/1").getMessage()
                .getBody(LoginBurst.class);
        assertThat(restored.attempts()).isEqualTo(2);
        assertThat(restored.newest()).isEqualTo(burst.newest());
        assertThat(restored.badLogins().get(1).record()).isEqualTo(burst.badLogins().get(1).record());
        assertThat(second.bursts.recentBadLogins().times()).isEqualTo(first.bursts.recentBadLogins().times());
        assertThat(second.writes.recentLogins().times()).isEqualTo(Map.of(OTHER_CONNECTION, START + 3 * SECOND));
        assertThat(second.anomalies.recentAlerts().times()).isEqualTo(Map.of(CONNECTION, START + 4 * SECOND));
    }

    @Test
    void checkpointWritesTheStateWithoutAStopSoAKillLosesAtMostAnInterval() throws IOException {
        PipelineState state = first.state(1);
        state.start();
        first.transactions.add(first.context, "k", first.group(ModbusTransaction.of(login(CONNECTION, 9, 0))));
        sleepMillis(5);
        state.checkpoint();

        SavedState onDisk = StateJson.read(Files.readAllBytes(stateFile()));
        assertThat(onDisk.transactions()).containsOnlyKeys("k");
        assertThat(siblings()).containsExactly("pipeline-state.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile())))
                .as("pending requests as captured, passphrases included: owner only").isEqualTo("rw-------");
    }

    @Test
    void checkpointWaitsForTheInterval() {
        PipelineState state = first.state(60_000);
        state.start();
        first.transactions.add(first.context, "k", first.group(ModbusTransaction.of(login(CONNECTION, 9, 0))));
        state.checkpoint();

        assertThat(stateFile()).doesNotExist();
    }

    @Test
    void unusableStateFileIsSetAsideAndTheRunStartsWithout() throws IOException {
        Files.writeString(stateFile(), "{\"format\":\"modbus-watch-state/1\",\"transactions\":[{\"key\":",
                StandardCharsets.UTF_8);

        first.state(1000).start();

        assertThat(first.transactions.size()).isZero();
        assertThat(siblings()).singleElement().asString().startsWith("pipeline-state.json.unusable-");
    }

    @Test
    void withoutAFileNothingIsWritten() {
        PipelineState inMemory = new PipelineState(null, 1, first.transactions, first.loginBursts, first.unseen);
        inMemory.setCamelContext(first.context);
        inMemory.start();
        first.transactions.add(first.context, "k", first.group(ModbusTransaction.of(login(CONNECTION, 9, 0))));
        inMemory.checkpoint();
        inMemory.stop();

        assertThat(siblings()).isEmpty();
    }

    private Path stateFile() {
        return folder.resolve("pipeline-state.json");
    }

    private List<String> siblings() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Alert badLogin(int id, long afterNanos) {
        ModbusTransaction transaction = new ModbusTransaction(login(CONNECTION, id, afterNanos - SECOND / 10),
                refusal(CONNECTION, id, afterNanos));
        return new Alert("Bad login", transaction.response().event(), transaction);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one run of the pipeline holds, with the detectors in its registry as the configuration binds them. */
    private final class Run {
        final CamelContext context = new DefaultCamelContext();
        final PendingGroups transactions = new PendingGroups();
        final PendingGroups loginBursts = new PendingGroups();
        final UnseenTraffic unseen = new UnseenTraffic(transactions, 5000);
        final LoginBurstAggregation bursts = new LoginBurstAggregation(60_000);
        final UnauthorizedWriteDetector writes = new UnauthorizedWriteDetector(null, 300_000);
        final ProtocolAnomalyDetector anomalies = new ProtocolAnomalyDetector(60_000);

        Run() {
            context.getRegistry().bind("loginBursts", bursts);
            context.getRegistry().bind("unauthorizedWrite", writes);
            context.getRegistry().bind("protocolAnomaly", anomalies);
        }

        PipelineState state(long intervalMillis) {
            PipelineState state = new PipelineState(stateFile(), intervalMillis, transactions, loginBursts, unseen);
            state.setCamelContext(context);
            return state;
        }

        Exchange group(Object body) {
            Exchange group = new DefaultExchange(context);
            group.getMessage().setBody(body);
            return group;
        }
    }
}
