package dev.modbuswatch.correlate;

import java.util.List;

/**
 * Capture time as the routes see it: every message moves it forward and the aggregators' timeouts follow; the end of
 * a capture completes everything.
 */
public final class CaptureClock {

    private final List<CaptureTimeCompletion> completions;

    public CaptureClock(List<CaptureTimeCompletion> completions) {
        this.completions = List.copyOf(completions);
    }

    public void advanceTo(ModbusMessage message) {
        for (CaptureTimeCompletion completion : completions) {
            completion.advanceTo(message.adu().epochSecond(), message.captureNanos());
        }
    }

    public void completeAll() {
        for (CaptureTimeCompletion completion : completions) {
            completion.completeAll();
        }
    }
}
