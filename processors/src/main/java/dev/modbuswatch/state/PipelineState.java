package dev.modbuswatch.state;

import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.PendingGroups;
import dev.modbuswatch.correlate.UnseenTraffic;
import dev.modbuswatch.detect.LoginBurst;
import dev.modbuswatch.detect.LoginBurstAggregation;
import dev.modbuswatch.detect.ProtocolAnomalyDetector;
import dev.modbuswatch.detect.RecentByKey;
import dev.modbuswatch.detect.UnauthorizedWriteDetector;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps the pipeline's state (pending requests, login bursts, the detectors' recent times; see {@link SavedState})
 * across a restart of the continuous run. At start, before the capture starts, it restores what the last run saved,
 * noting that the sensor was blind meanwhile ({@link UnseenTraffic}); a file it cannot use is reported in one line and
 * set aside. While running, the capture route calls {@link #checkpoint} after each batch and each tick, on its own
 * thread, so the state is read consistently and without locks: at most once per interval it is written, when it
 * changed, to a temporary file renamed over the state file (a kill -9 loses at most the last interval). When the
 * context stops (after the routes), it is saved a last time and flushed to disk.
 * <p>
 * Without a file (the one-shot run) it does nothing: a capture file is read whole in one run.
 */
public final class PipelineState extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineState.class);

    private final StateFile file;
    private final long intervalNanos;
    private final PendingGroups transactions;
    private final PendingGroups loginBursts;
    private final UnseenTraffic unseenTraffic;
    private CamelContext camelContext;
    private RecentByKey<String> recentBadLogins;
    private RecentByKey<TcpConnection> recentLogins;
    private RecentByKey<TcpConnection> recentAnomalyAlerts;
    private long lastCheckpoint = System.nanoTime();
    private byte[] lastSaved;
    private boolean failing;
    private long failedSaves;

    /** @param file where the state is kept, or null to keep it in memory only */
    public PipelineState(Path file, long intervalMillis, PendingGroups transactions, PendingGroups loginBursts,
                         UnseenTraffic unseenTraffic) {
        this.file = file == null ? null : new StateFile(file);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.transactions = transactions;
        this.loginBursts = loginBursts;
        this.unseenTraffic = unseenTraffic;
    }

    /** Called by the capture route after each batch and tick: saves the state if an interval has passed. */
    public void checkpoint() {
        if (file == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastCheckpoint >= intervalNanos) {
            lastCheckpoint = now;
            save(false);
        }
    }

    /** Saves that failed since the start (disk full, no permission); each outage is logged once. */
    public long failedSaves() {
        return failedSaves;
    }

    @Override
    protected void doStart() {
        if (file == null) {
            return;
        }
        recentBadLogins = detector(LoginBurstAggregation.class, LoginBurstAggregation::recentBadLogins);
        recentLogins = detector(UnauthorizedWriteDetector.class, UnauthorizedWriteDetector::recentLogins);
        recentAnomalyAlerts = detector(ProtocolAnomalyDetector.class, ProtocolAnomalyDetector::recentAlerts);
        SavedState saved = readSaved();
        if (saved != null) {
            restore(saved);
            LOG.info("Restored the state saved in {}: {} pending requests (completing as unobserved unless answered),"
                    + " {} login bursts", file.path(), saved.transactions().size(), saved.loginBursts().size());
        }
        // A restart is a time the sensor saw nothing: responses soon after it may answer requests it never saw.
        unseenTraffic.blindAt(System.currentTimeMillis() * 1_000_000L);
    }

    @Override
    protected void doStop() {
        if (file == null) {
            return;
        }
        if (save(true)) {
            LOG.info("Saved the state in {}: {} pending requests, {} login bursts", file.path(), transactions.size(),
                    loginBursts.size());
        }
    }

    private <D, S> S detector(Class<D> type, Function<D, S> state) {
        D detector = camelContext.getRegistry().findSingleByType(type);
        if (detector == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in the registry, whose state is kept");
        }
        return state.apply(detector);
    }

    private SavedState readSaved() {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (IOException e) {
            LOG.warn("Cannot read the saved state {} ({}); starting without it", file.path(), e.toString());
            return null;
        }
        if (bytes == null) {
            return null;
        }
        try {
            return StateJson.read(bytes);
        } catch (StateJson.UnusableStateException e) {
            String aside;
            try {
                aside = "moved to " + file.setAside();
            } catch (IOException moveFailed) {
                aside = "could not move it aside (" + moveFailed + ")";
            }
            LOG.warn("Saved state {} is unusable ({}); {}; starting without it", file.path(), e.getMessage(), aside);
            return null;
        }
    }

    private void restore(SavedState saved) {
        saved.transactions().forEach((key, transaction) ->
                transactions.add(camelContext, key, group(transaction.asUnobserved())));
        saved.loginBursts().forEach((key, burst) -> loginBursts.add(camelContext, key, group(burst)));
        recentBadLogins.restore(saved.recentBadLogins());
        recentLogins.restore(saved.recentLogins());
        recentAnomalyAlerts.restore(saved.recentAnomalyAlerts());
    }

    private Exchange group(Object body) {
        Exchange group = new DefaultExchange(camelContext);
        group.getMessage().setBody(body);
        return group;
    }

    private boolean save(boolean durable) {
        try {
            byte[] state = StateJson.write(current());
            if (!durable && Arrays.equals(state, lastSaved)) {
                return true;
            }
            file.write(state, durable);
            lastSaved = state;
            if (failing) {
                failing = false;
                LOG.info("Saving the state in {} works again ({} saves failed)", file.path(), failedSaves);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failedSaves++;
            if (!failing) {
                failing = true;
                LOG.error("Cannot save the state in {}: {}; a restart now would forget pending requests and login"
                        + " bursts; trying again every {} ms", file.path(), e.toString(),
                        TimeUnit.NANOSECONDS.toMillis(intervalNanos));
            }
            return false;
        }
    }

    private SavedState current() {
        return new SavedState(bodies(transactions, ModbusTransaction.class), bodies(loginBursts, LoginBurst.class),
                recentBadLogins.times(), recentLogins.times(), recentAnomalyAlerts.times());
    }

    private static <T> Map<String, T> bodies(PendingGroups groups, Class<T> type) {
        Map<String, T> bodies = new LinkedHashMap<>();
        groups.groups().forEach((key, group) -> bodies.put(key, group.getMessage().getBody(type)));
        return bodies;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
