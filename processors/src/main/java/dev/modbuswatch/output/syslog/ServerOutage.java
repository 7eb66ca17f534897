package dev.modbuswatch.output.syslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

/**
 * A time when the syslog server takes no messages: one WARN when it starts, naming the server and the cause, one INFO
 * when messages go through again, saying how long it lasted and how many records waited; in between, the pause
 * before each new try: 0.1 s, then twice as long each time, at most 5 s.
 */
final class ServerOutage {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogOutput.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final String server;
    private volatile boolean active;
    private long startNanos;
    private Duration retryIn = FIRST_RETRY;

    ServerOutage(String server) {
        this.server = server;
    }

    boolean active() {
        return active;
    }

    /** A connection or send failed: starts the outage, or makes the next pause longer. */
    void failed(String cause, String whereRecordsWait) {
        if (!active) {
            active = true;
            startNanos = System.nanoTime();
            retryIn = FIRST_RETRY;
            LOG.warn("Syslog server {} unreachable ({}); records wait {} and are sent, oldest first, when it takes"
                    + " messages again (tried again after 0.1 s, then at most every 5 s)", server, cause,
                    whereRecordsWait);
        } else {
            retryIn = retryIn.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryIn.multipliedBy(2);
            LOG.debug("Syslog server {} still unreachable ({}); next try in {} ms", server, cause, retryIn.toMillis());
        }
    }

    Duration retryIn() {
        return retryIn;
    }

    /** A message went through: ends the outage, if there was one. */
    void ended(long recordsWaiting) {
        if (active) {
            active = false;
            retryIn = FIRST_RETRY;
            LOG.info("Syslog server {} takes messages again after {} s; {} records waited for it and are sent now",
                    server, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9), recordsWaiting);
        }
    }
}
