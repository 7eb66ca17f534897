package dev.modbuswatch.component.pcap;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands the capture's messages to the route on a thread of its own, in the order they were queued, so that the
 * capture thread can go on reading while the route is busy. The queue between them is bounded: when it is full the
 * capture thread waits.
 */
final class RouteHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(RouteHandOff.class);

    private final DefaultConsumer consumer;
    private final String source;
    private final BlockingQueue<CaptureMessage> queue;
    private boolean interrupted;
    private volatile boolean ended;

    RouteHandOff(DefaultConsumer consumer, String source, int capacity) {
        this.consumer = consumer;
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a message for the route, waiting while the queue is full. Called by the capture thread only. */
    void put(CaptureMessage message) {
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Only a forced stop interrupts the capture thread; the delivery thread is being interrupted too.
            if (!interrupted) {
                interrupted = true;
                LOG.warn("Capture from {} was interrupted while the route was behind: from the {} message on,"
                        + " nothing more reaches the route", source, message.type());
            }
        }
    }

    /** Delivers what is queued, in order, until END_OF_CAPTURE has been processed. Runs on the delivery thread. */
    void deliverUntilEnd() {
        try {
            CaptureMessage message;
            do {
                message = queue.take();
                deliver(message);
            } while (!message.isEndOfCapture());
            ended = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Delivery from {} to the route was interrupted: {} queued messages did not reach it", source,
                    queue.size());
        }
    }

    private void deliver(CaptureMessage message) {
        Exchange exchange = consumer.createExchange(false);
        Message in = exchange.getMessage();
        in.setHeader(PcapConstants.MESSAGE_TYPE, message.type());
        in.setHeader(PcapConstants.SOURCE, source);
        message.headers().forEach(in::setHeader);
        in.setBody(message.body());
        try {
            consumer.getProcessor().process(exchange);
        } catch (Exception | Error e) {
            // An Error too (a stack overflow in a deep route): ending delivery here would leave the capture hanging.
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            consumer.getExceptionHandler().handleException("Error processing " + message.type() + " from " + source,
                    exchange, exchange.getException());
        }
        consumer.releaseExchange(exchange, false);
    }

    /** Messages read from the capture that the route has not taken yet. */
    int queued() {
        return queue.size();
    }

    /** Whether the route has processed END_OF_CAPTURE. */
    boolean ended() {
        return ended;
    }
}
