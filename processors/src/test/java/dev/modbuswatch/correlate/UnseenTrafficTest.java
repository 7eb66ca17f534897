package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.TcpConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static dev.modbuswatch.correlate.Messages.CONNECTION;
import static dev.modbuswatch.correlate.Messages.OTHER_CONNECTION;
import static dev.modbuswatch.correlate.Messages.START;
import static dev.modbuswatch.correlate.Messages.login;
import static dev.modbuswatch.correlate.Messages.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests pending while the sensor was blind, and lone responses just after, end unobserved, not as false alarms. */
class UnseenTrafficTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long TIMEOUT_MILLIS = 5_000;

    private final CamelContext context = new DefaultCamelContext();
    private final PendingGroups pending = new PendingGroups();
    private final UnseenTraffic unseen = new UnseenTraffic(pending, TIMEOUT_MILLIS);
    private final TransactionAggregation aggregation = new TransactionAggregation(unseen);

    @Test
    void unansweredRequestIsATimeoutWhenTheSensorSawEverything() {
        assertThat(ModbusTransaction.of(login(CONNECTION, 1, 0)).status()).isEqualTo(TransactionStatus.timeout);
        assertThat(ModbusTransaction.of(refusal(CONNECTION, 1, 0)).status()).isEqualTo(TransactionStatus.orphan);
    }

    @Test
    void captureGapMarksEveryPendingRequestUnobserved() {
        correlate(login(CONNECTION, 1, 0));
        correlate(login(OTHER_CONNECTION, 2, 0));
        unseen.anomaly(captureGap(SECOND));

        assertThat(statuses()).containsOnly(TransactionStatus.unobserved);
    }

    @Test
    void answerStillPairsAfterTheGap() {
        correlate(login(CONNECTION, 1, 0));
        unseen.blindAt(START + SECOND);
        Exchange answered = correlate(refusal(CONNECTION, 1, 3 * SECOND));

        assertThat(transaction(answered).status()).isEqualTo(TransactionStatus.exception);
    }

    @Test
    void gapInOneConnectionsResponsesMarksOnlyItsPendingRequests() {
        correlate(login(CONNECTION, 1, 0));
        correlate(login(OTHER_CONNECTION, 2, 0));
        unseen.anomaly(gap(CONNECTION, true, SECOND));

        assertThat(pending.get(context, key(CONNECTION, 1)).getMessage().getBody(ModbusTransaction.class).status())
                .isEqualTo(TransactionStatus.unobserved);
        assertThat(pending.get(context, key(OTHER_CONNECTION, 2)).getMessage().getBody(ModbusTransaction.class)
                .status()).isEqualTo(TransactionStatus.timeout);
    }

    @Test
    void gapInTheRequestsLeavesPendingRequestsAlone() {
        correlate(login(CONNECTION, 1, 0));
        unseen.anomaly(gap(CONNECTION, false, SECOND));

        assertThat(statuses()).containsOnly(TransactionStatus.timeout);
    }

    @Test
    void loneResponseWithinTheTimeoutAfterAGapIsUnobservedNotAnOrphan() {
        unseen.anomaly(gap(CONNECTION, false, SECOND));

        assertThat(transaction(correlate(refusal(CONNECTION, 1, 4 * SECOND))).status())
                .isEqualTo(TransactionStatus.unobserved);
        assertThat(transaction(correlate(refusal(OTHER_CONNECTION, 1, 4 * SECOND))).status())
                .as("on a connection without a gap").isEqualTo(TransactionStatus.orphan);
        assertThat(transaction(correlate(refusal(CONNECTION, 2, 7 * SECOND))).status())
                .as("more than the timeout after the gap").isEqualTo(TransactionStatus.orphan);
    }

    @Test
    void gapsOlderThanTheTimeoutAreForgottenAsNewOnesCome() {
        for (int client = 0; client < 100; client++) {
            unseen.anomaly(gap(Messages.connection("10.20.1." + client, 40000 + client, "10.20.0.50", 502), false,
                    client * 10 * SECOND));
        }
        assertThat(unseen.connectionsWithGaps()).as("only the gaps within the timeout are kept").isEqualTo(1);
    }

    @Test
    void loneResponseJustAfterARestartIsUnobserved() {
        unseen.blindAt(START);

        assertThat(transaction(correlate(refusal(CONNECTION, 1, 5 * SECOND))).status())
                .isEqualTo(TransactionStatus.unobserved);
        assertThat(transaction(correlate(refusal(CONNECTION, 2, 5 * SECOND + 1))).status())
                .isEqualTo(TransactionStatus.orphan);
    }

    /** The aggregator's part: the group the message makes or joins (added to the repository when not complete). */
    private Exchange correlate(ModbusMessage message) {
        String key = new TransactionKey().of(message);
        Exchange next = new DefaultExchange(context);
        next.getMessage().setBody(message);
        Exchange group = aggregation.aggregate(pending.get(context, key), next);
        if (aggregation.matches(group)) {
            pending.remove(context, key, group);
        } else {
            pending.add(context, key, group);
        }
        return group;
    }

    private java.util.List<TransactionStatus> statuses() {
        return pending.groups().values().stream().map(UnseenTrafficTest::transaction).map(ModbusTransaction::status)
                .toList();
    }

    private static ModbusTransaction transaction(Exchange group) {
        return group.getMessage().getBody(ModbusTransaction.class);
    }

    private static String key(TcpConnection connection, int id) {
        return new TransactionKey().of(login(connection, id, 0));
    }

    private static StreamAnomaly captureGap(long afterNanos) {
        long nanos = START + afterNanos;
        return new StreamAnomaly(nanos / SECOND, (int) (nanos % SECOND), null, false, StreamAnomaly.Kind.CAPTURE_GAP,
                0, "37 packets dropped by the kernel");
    }

    private static StreamAnomaly gap(TcpConnection connection, boolean fromServer, long afterNanos) {
        long nanos = START + afterNanos;
        return new StreamAnomaly(nanos / SECOND, (int) (nanos % SECOND), connection, fromServer,
                StreamAnomaly.Kind.GAP, 1460, "1460 bytes missing");
    }
}
