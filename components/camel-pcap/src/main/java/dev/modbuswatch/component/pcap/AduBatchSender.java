package dev.modbuswatch.component.pcap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import dev.modbuswatch.component.pcap.tcp.StreamListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the streams yield into exchanges: ADUs in batches, anomalies one by one after the batch before them, so
 * the route sees everything in capture order.
 */
final class AduBatchSender implements StreamListener {

    private final DefaultConsumer consumer;
    private final Processor processor;
    private final String source;
    private final int batchSize;
    private List<ModbusAdu> batch;
    private long lastSentNanos = System.nanoTime();

    AduBatchSender(DefaultConsumer consumer, Processor processor, String source, int batchSize) {
        this.consumer = consumer;
        this.processor = processor;
        this.source = source;
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
        send(PcapConstants.TYPE_ANOMALY, anomaly);
    }

    void flush() {
        if (!batch.isEmpty()) {
            List<ModbusAdu> full = batch;
            batch = new ArrayList<>(batchSize);
            send(PcapConstants.TYPE_ADUS, full);
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
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(PcapConstants.TIME, epochNanos);
        send(exchange, PcapConstants.TYPE_TICK, null);
    }

    void endOfCapture(CaptureStatistics statistics, String failure) {
        flush();
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setHeader(PcapConstants.STATISTICS, statistics);
        if (failure != null) {
            exchange.getMessage().setHeader(PcapConstants.FAILURE, failure);
        }
        send(exchange, PcapConstants.TYPE_END_OF_CAPTURE, List.of());
    }

    private void send(String type, Object body) {
        send(consumer.createExchange(false), type, body);
    }

    private void send(Exchange exchange, String type, Object body) {
        lastSentNanos = System.nanoTime();
        exchange.getMessage().setHeader(PcapConstants.MESSAGE_TYPE, type);
        exchange.getMessage().setHeader(PcapConstants.SOURCE, source);
        exchange.getMessage().setBody(body);
        try {
            processor.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            consumer.getExceptionHandler().handleException("Error processing " + type + " from " + source,
                    exchange, exchange.getException());
        }
        consumer.releaseExchange(exchange, false);
    }
}
