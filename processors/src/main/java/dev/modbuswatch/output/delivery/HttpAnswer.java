package dev.modbuswatch.output.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What one HTTP call came back with: a status and body, or ({@link #unreachable}) no answer at all (connection refused,
 * timeout, TLS failure), described by {@code body}.
 */
public record HttpAnswer(int status, String body, Optional<Duration> retryAfter) {

    private static final int NO_ANSWER = -1;

    public static HttpAnswer unreachable(String problem) {
        return new HttpAnswer(NO_ANSWER, problem, Optional.empty());
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean tooLarge() {
        return status == 413;
    }

    /** Worth trying again: no answer, request timeout, throttling, or a server error. */
    public boolean retryable() {
        return status == NO_ANSWER || status == 408 || status == 429 || status >= 500;
    }

    @Override
    public String toString() {
        return status == NO_ANSWER ? "no answer (" + body + ")" : "HTTP " + status;
    }
}
