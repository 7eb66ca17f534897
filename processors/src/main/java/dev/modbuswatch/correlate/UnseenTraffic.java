package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.StreamAnomaly;
import dev.modbuswatch.component.pcap.TcpConnection;
import org.apache.camel.Exchange;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times when the sensor did not see all the traffic, and what they mean for correlation. A request pending across such
 * a time may have been answered unseen: it is marked, and if no answer comes it completes as {@code unobserved} instead
 * of {@code timeout} (no {@code Unanswered write}); an answer that does come is paired as usual. A response with nothing
 * pending within the correlation timeout of such a time may answer a request the sensor missed: it is
 * {@code unobserved}, not an {@code orphan}.
 * <p>
 * Blind for every connection: a restart, a live capture that stopped (route reload, shutdown), a capture outage or
 * kernel drops ({@link StreamAnomaly.Kind#CAPTURE_GAP}). Blind for one connection: a TCP gap on it
 * ({@link StreamAnomaly.Kind#GAP}); a gap in the responses marks its pending requests, a gap either way explains a
 * response with nothing pending. Used by the route thread only.
 */
public final class UnseenTraffic {

    private final PendingGroups transactions;
    private final long windowNanos;
    private long lastCaptureGap = Long.MIN_VALUE;
    /** Last gap per connection, oldest first; entries older than the window are dropped. */
    private final LinkedHashMap<TcpConnection, Long> lastGaps = new LinkedHashMap<>();

    /** @param timeoutMillis the correlation timeout: how long after a blind time a lone response is explained by it */
    public UnseenTraffic(PendingGroups transactions, long timeoutMillis) {
        this.transactions = transactions;
        this.windowNanos = timeoutMillis * 1_000_000L;
    }

    /** A stream anomaly from the capture (the body of an ANOMALY message); only gaps matter here. */
    public void anomaly(StreamAnomaly anomaly) {
        long nanos = anomaly.epochSecond() * 1_000_000_000L + anomaly.nanos();
        if (anomaly.kind() == StreamAnomaly.Kind.GAP && anomaly.connection() != null) {
            connectionGap(anomaly.connection(), anomaly.fromServer(), nanos);
        } else if (anomaly.kind() == StreamAnomaly.Kind.CAPTURE_GAP) {
            blindAt(nanos);
        }
    }

    /** The sensor saw nothing of any connection around {@code nanos} (capture time, ns since the epoch). */
    public void blindAt(long nanos) {
        lastCaptureGap = Math.max(lastCaptureGap, nanos);
        for (Exchange group : transactions.groups().values()) {
            markUnobserved(group);
        }
    }

    private void connectionGap(TcpConnection connection, boolean inResponses, long nanos) {
        lastGaps.remove(connection);
        lastGaps.put(connection, nanos);
        // Also pruned here: lone responses may never come, and connections (a new client port each) do.
        forgetGapsBefore(nanos - windowNanos);
        if (inResponses) {
            for (Exchange group : transactions.groups().values()) {
                ModbusTransaction pending = group.getMessage().getBody(ModbusTransaction.class);
                if (connection.equals(pending.first().adu().connection())) {
                    markUnobserved(group);
                }
            }
        }
    }

    private static void markUnobserved(Exchange group) {
        ModbusTransaction pending = group.getMessage().getBody(ModbusTransaction.class);
        group.getMessage().setBody(pending.asUnobserved());
    }

    /** Whether a response with nothing pending may answer a request the sensor did not see. */
    public boolean mayHaveMissedRequestOf(ModbusMessage response) {
        long nanos = response.captureNanos();
        if (near(lastCaptureGap, nanos)) {
            return true;
        }
        forgetGapsBefore(nanos - windowNanos);
        Long gap = lastGaps.get(response.adu().connection());
        return gap != null && near(gap, nanos);
    }

    private boolean near(long gap, long nanos) {
        return gap != Long.MIN_VALUE && Math.abs(nanos - gap) <= windowNanos;
    }

    /** For tests: the connections whose last gap is remembered. */
    int connectionsWithGaps() {
        return lastGaps.size();
    }

    private void forgetGapsBefore(long limit) {
        Iterator<Map.Entry<TcpConnection, Long>> oldestFirst = lastGaps.entrySet().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().getValue() < limit) {
            oldestFirst.remove();
        }
    }
}
