package dev.modbuswatch.output.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before trying a failed call again: exponential backoff from {@code initial} up to
 * {@code max}, with jitter (a random wait between half and all of the step), unless the server said how long to wait
 * (Retry-After, obeyed up to {@link #MAX_RETRY_AFTER}).
 */
public record RetryPolicy(int retries, Duration initial, Duration max) {

    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    Duration delay(int retry, HttpAnswer answer) {
        if (answer.retryAfter().isPresent()) {
            Duration asked = answer.retryAfter().get();
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        long step = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry, 30));
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }
}
