package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.source.CaptureHealthListener;
import dev.modbuswatch.component.pcap.source.ReopeningSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Says what a live capture missed: one ERROR when the interface fails or cannot be opened at start, one INFO when
 * capturing (again), a WARN about kernel drops at most once a minute with the count since the last one; each outage
 * and each rise in drops also becomes a {@link StreamAnomaly.Kind#CAPTURE_GAP} anomaly for the route. Counts the outages. Called on the capture
 * thread; {@link #outages()} may be read from any thread.
 */
final class CaptureHealthReport implements CaptureHealthListener {

    static final long DROP_LOG_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);
    private static final Logger LOG = LoggerFactory.getLogger(CaptureHealthReport.class);
    private static final String RETRIES = "retrying after " + TimeUnit.NANOSECONDS.toMillis(
            ReopeningSource.FIRST_RETRY_NANOS) + " ms, then twice as long each time up to every "
            + TimeUnit.NANOSECONDS.toSeconds(ReopeningSource.LONGEST_RETRY_NANOS) + " s";

    private final String interfaceName;
    private final Consumer<StreamAnomaly> anomalies;
    private volatile long outageCount;
    private volatile long endedOutagesMillis;
    private volatile long lastStartMillis = -1;
    private volatile long lastEndMillis = -1;
    /** Whether the current or last outage began because the capture could not be opened at start. */
    private boolean outageAtStart;
    private long dropsNotLogged;
    /** Since when the drops not logged yet were counted: the capture's start, then the last line about drops. */
    private long dropsLoggedMillis;
    private boolean dropsLoggedBefore;

    CaptureHealthReport(String interfaceName, long startMillis, Consumer<StreamAnomaly> anomalies) {
        this.interfaceName = interfaceName;
        this.anomalies = anomalies;
        this.dropsLoggedMillis = startMillis;
    }

    @Override
    public void outageStarted(long startMillis, String cause) {
        beginOutage(startMillis, false);
        LOG.error("Capture on interface {} failed: {}. Nothing is captured until it can be opened again; {}",
                interfaceName, cause, RETRIES);
    }

    @Override
    public void startFailed(long startMillis, String cause) {
        beginOutage(startMillis, true);
        LOG.error("Capture on interface {} cannot start: {}. Nothing is captured until it can be opened; {}",
                interfaceName, cause, RETRIES);
    }

    private void beginOutage(long startMillis, boolean atStart) {
        lastStartMillis = startMillis;
        lastEndMillis = -1;
        outageCount++;
        outageAtStart = atStart;
    }

    @Override
    public void outageEnded(long startMillis, long endMillis, String cause, boolean resumed) {
        long millis = Math.max(0, endMillis - startMillis);
        endedOutagesMillis += millis;
        lastEndMillis = endMillis;
        String lasted = seconds(millis);
        if (resumed && outageAtStart) {
            LOG.info("Capturing on interface {} after {} without capture: it could not be opened at start ({})",
                    interfaceName, lasted, cause);
        } else if (resumed) {
            LOG.info("Capturing on interface {} again after {} without capture ({})", interfaceName, lasted, cause);
        } else {
            LOG.warn("Capture on interface {} stopped while the interface was still unavailable, for {} ({})",
                    interfaceName, lasted, cause);
        }
        anomalies.accept(gap(startMillis, "interface " + interfaceName + " unavailable for " + lasted
                + (outageAtStart ? " from the start of the capture" : "")
                + (resumed ? "" : " until the capture stopped") + ": " + cause));
    }

    @Override
    public void dropsRead(long sinceMillis, long nowMillis, long dropped) {
        if (dropped > 0) {
            dropsNotLogged += dropped;
            anomalies.accept(gap(sinceMillis, dropped + " packets dropped by the kernel on interface " + interfaceName
                    + " within " + seconds(nowMillis - sinceMillis)));
        }
        if (dropsNotLogged > 0 && (!dropsLoggedBefore || nowMillis - dropsLoggedMillis >= DROP_LOG_INTERVAL_MILLIS)) {
            logDrops(nowMillis);
        }
    }

    @Override
    public void stopped(long nowMillis) {
        if (dropsNotLogged > 0) {
            logDrops(nowMillis);
        }
    }

    private void logDrops(long nowMillis) {
        LOG.warn("{} packets dropped by the kernel on interface {} in the last {}: the capture missed them (the"
                + " reader fell behind or bufferSize is too small)", dropsNotLogged, interfaceName,
                seconds(nowMillis - dropsLoggedMillis));
        dropsNotLogged = 0;
        dropsLoggedMillis = nowMillis;
        dropsLoggedBefore = true;
    }

    CaptureOutages outages(long nowMillis) {
        long count = outageCount;
        if (count == 0) {
            return CaptureOutages.NONE;
        }
        long start = lastStartMillis;
        long end = lastEndMillis;
        long ongoing = end < 0 ? Math.max(0, nowMillis - start) : 0;
        return new CaptureOutages(count, endedOutagesMillis + ongoing, Instant.ofEpochMilli(start),
                end < 0 ? null : Instant.ofEpochMilli(end));
    }

    private static StreamAnomaly gap(long startMillis, String detail) {
        return new StreamAnomaly(Math.floorDiv(startMillis, 1000), (int) Math.floorMod(startMillis, 1000) * 1_000_000,
                null, false, StreamAnomaly.Kind.CAPTURE_GAP, 0, detail);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
