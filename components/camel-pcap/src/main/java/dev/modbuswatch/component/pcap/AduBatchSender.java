package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.tcp.StreamListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the streams yield into messages for the route: ADUs in batches, anomalies one by one after the batch
 * before them, so the route sees everything in capture order.
 */
final class AduBatchSender implements StreamListener {

    private final RouteHandOff route;
    private final int batchSize;
    private List<ModbusAdu> batch;
    private long lastSentNanos = System.nanoTime();

    AduBatchSender(RouteHandOff route, int batchSize) {
        this.route = route;
        this.batchSize = batchSize;
        this.batch = new ArrayList<>(batchSize);
    }

    @Override
    public void onAdu(ModbusAdu adu) {
        batch.add(adu);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void onAnomaly(StreamAnomaly anomaly) {
        flush();
        send(CaptureMessage.anomaly(anomaly));
    }

    void flush() {
        if (!batch.isEmpty()) {
            List<ModbusAdu> full = batch;
            batch = new ArrayList<>(batchSize);
            send(CaptureMessage.adus(full));
        }
    }

    void flushIfOlderThan(long lingerNanos) {
        if (!batch.isEmpty() && System.nanoTime() - lastSentNanos >= lingerNanos) {
            flush();
        }
    }

    /** Wall-clock time moved on while no packets came (live capture), so the routes' timeouts can follow. */
    void tick(long epochNanos) {
        flush();
        send(CaptureMessage.tick(epochNanos));
    }

    void endOfCapture(CaptureStatistics statistics, String failure) {
        flush();
        send(CaptureMessage.endOfCapture(statistics, failure));
    }

    private void send(CaptureMessage message) {
        lastSentNanos = System.nanoTime();
        route.put(message);
    }
}
