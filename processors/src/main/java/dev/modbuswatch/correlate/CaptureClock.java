package dev.modbuswatch.correlate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;

/**
 * Capture time as the routes see it: every message moves it forward, and so do the ticks of a quiet live capture;
 * the aggregators' timeouts follow. The end of a capture completes everything. As a {@link Processor}, it moves to the
 * time of the message in the body.
 */
public final class CaptureClock implements Processor {

    private final List<CaptureTimeCompletion> completions;

    public CaptureClock(List<CaptureTimeCompletion> completions) {
        this.completions = List.copyOf(completions);
    }

    public void advanceTo(ModbusMessage message) {
        for (CaptureTimeCompletion completion : completions) {
            completion.advanceTo(message.captureNanos());
        }
    }

    /** Time moved on without a message (a quiet live capture): {@code epochNanos} since the epoch. */
    public void tick(long epochNanos) {
        for (CaptureTimeCompletion completion : completions) {
            completion.advanceTo(epochNanos);
        }
    }

    public void completeAll() {
        for (CaptureTimeCompletion completion : completions) {
            completion.completeAll();
        }
    }

    @Override
    public void process(Exchange exchange) {
        advanceTo(exchange.getMessage().getBody(ModbusMessage.class));
    }
}
