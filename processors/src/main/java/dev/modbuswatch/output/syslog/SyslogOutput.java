package dev.modbuswatch.output.syslog;

import dev.modbuswatch.output.delivery.DeadLetterFile;
import dev.modbuswatch.output.delivery.DeliveryCounters;
import dev.modbuswatch.output.delivery.RemoteOutput;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends records to a syslog server from a thread of its own. Records wait in a bounded buffer while the server is
 * away; the thread reconnects with a growing pause (up to {@link #MAX_BACKOFF}). A record that finds the buffer full,
 * is too large for the transport, or is still waiting when stop's drain time is over goes to the undelivered file with
 * the reason. Stopping (the end of a one-shot run) waits up to the drain time for the buffer to empty.
 * <p>
 * TCP and TLS syslog have no acknowledgements: what was written just before the server went away may sit unread in
 * its socket. So when a connection is found lost, the records sent on it in the last {@link #RESEND_WINDOW} (at most
 * {@link #RESEND_LIMIT}) are sent again first: delivery is at least once, a record may arrive twice.
 */
public final class SyslogOutput extends ServiceSupport implements RemoteOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogOutput.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration FINISH_WAIT = Duration.ofSeconds(5);
    static final Duration RESEND_WINDOW = Duration.ofSeconds(2);
    static final int RESEND_LIMIT = 4096;

    private final SyslogFormatter formatter;
    private final SyslogTransport.Connector connector;
    private final String server;
    private final int capacity;
    private final Duration drainTime;
    private final DeadLetterFile undelivered;
    private final DeliveryCounters counters;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Pending> buffer = new ArrayDeque<>();
    private boolean stopping;
    private boolean overflowing;
    private volatile boolean connected;
    private volatile SyslogTransport current;
    private Thread sender;

    private final Deque<Sent> recent = new ArrayDeque<>();

    private record Pending(Map<String, String> record, byte[] message) {
    }

    private record Sent(Pending pending, long nanos) {
    }

    public SyslogOutput(SyslogFormatter formatter, SyslogTransport.Connector connector, String server, int capacity,
                        Duration drainTime, DeadLetterFile undelivered, DeliveryCounters counters) {
        this.formatter = formatter;
        this.connector = connector;
        this.server = server;
        this.capacity = capacity;
        this.drainTime = drainTime;
        this.undelivered = undelivered;
        this.counters = counters;
    }

    /** Takes a record (an alert or event) for sending; never blocks on the network. */
    public void offer(Map<String, String> record) {
        byte[] message = formatter.format(record);
        if (message.length > connector.maxMessageBytes()) {
            giveUp(record, "message of " + message.length + " bytes is larger than the transport carries ("
                    + connector.maxMessageBytes() + ")");
            return;
        }
        lock.lock();
        try {
            if (buffer.size() >= capacity || stopping) {
                if (!overflowing) {
                    overflowing = true;
                    LOG.warn("Syslog buffer full ({} records) while {} is unreachable: records go to {} until it"
                            + " drains", capacity, server, undelivered.file());
                }
                giveUp(record, stopping ? "syslog output stopped" : "buffer full (" + capacity + " records) while "
                        + server + " was unreachable");
                return;
            }
            buffer.addLast(new Pending(record, message));
            if (!connected) {
                counters.held(1);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public DeliveryCounters counters() {
        return counters;
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public String summary() {
        return counters.sent() + " sent, " + counters.held() + " buffered while not connected, "
                + (counters.retried() > 0 ? counters.retried() + " sent again after a lost connection, " : "")
                + counters.deadLettered() + " undelivered"
                + (counters.deadLettered() > 0 ? " (in " + undelivered.file() + ")" : "");
    }

    @Override
    protected void doStart() {
        stopping = false;
        sender = new Thread(this::sendLoop, "syslog-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        sender.join(drainTime.toMillis());
        if (sender.isAlive()) {
            sender.interrupt();
            SyslogTransport blocked = current;
            if (blocked != null) {
                blocked.close(); // a write blocked on a full TCP window ends with an IOException
            }
            sender.join(MAX_BACKOFF.toMillis());
        }
        lock.lock();
        try {
            int left = buffer.size();
            if (left > 0) {
                LOG.warn("{} syslog records not delivered to {} within {} ms: written to {}", left, server,
                        drainTime.toMillis(), undelivered.file());
            }
            for (Pending pending; (pending = buffer.pollFirst()) != null; ) {
                giveUp(pending.record(), "not delivered to " + server + " before the output stopped");
            }
        } finally {
            lock.unlock();
        }
        LOG.info("Syslog output to {} stopped: {}", server, counters);
    }

    private void sendLoop() {
        SyslogTransport transport = null;
        Duration backoff = FIRST_BACKOFF;
        boolean everConnected = false;
        boolean lossReported = false;
        try {
            while (true) {
                Pending next = next();
                if (next == null) {
                    if (transport == null || transport.finish(FINISH_WAIT.toMillis())) {
                        return;
                    }
                    transport.close();
                    transport = null;
                    connectionLost("the server did not confirm it read everything");
                    lossReported = true;
                    continue;
                }
                if (transport != null && !transport.isOpen()) {
                    transport.close();
                    transport = null;
                    connectionLost("the server closed the connection");
                    lossReported = true;
                }
                if (transport == null) {
                    try {
                        transport = connector.connect();
                        current = transport;
                        connected = true;
                        backoff = FIRST_BACKOFF;
                        LOG.info("Syslog output {} {}", everConnected ? "reconnected to" : "connected to", server);
                        everConnected = true;
                        lossReported = false;
                    } catch (IOException e) {
                        if (!lossReported) {
                            LOG.warn("Syslog server {} unreachable ({}); records wait in the buffer (at most {})",
                                    server, e.getMessage(), capacity);
                            lossReported = true;
                        }
                        pause(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
                        continue;
                    }
                }
                try {
                    transport.send(next.message());
                    remove(next);
                    remember(next);
                    counters.sent(1, false);
                } catch (IOException e) {
                    transport.close();
                    transport = null;
                    connectionLost(e.getMessage());
                    lossReported = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected = false;
            if (transport != null) {
                transport.close();
            }
        }
    }

    private void remember(Pending sent) {
        long now = System.nanoTime();
        recent.addLast(new Sent(sent, now));
        while (recent.size() > RESEND_LIMIT || now - recent.peekFirst().nanos() > RESEND_WINDOW.toNanos()) {
            recent.pollFirst();
        }
    }

    /** Puts what was sent on the lost connection in the last RESEND_WINDOW back at the head of the buffer. */
    private void resendRecent() {
        long oldest = System.nanoTime() - RESEND_WINDOW.toNanos();
        lock.lock();
        try {
            for (Sent sent; (sent = recent.pollLast()) != null; ) {
                if (sent.nanos() - oldest >= 0) {
                    buffer.addFirst(sent.pending());
                    counters.retried(1);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void connectionLost(String reason) {
        resendRecent();
        connected = false;
        LOG.warn("Syslog connection to {} lost ({}); records wait in the buffer (at most {}) until it is back",
                server, reason, capacity);
    }

    /** @return the oldest record, left in the buffer until sent; null when stopping with an empty buffer */
    private Pending next() throws InterruptedException {
        lock.lock();
        try {
            while (buffer.isEmpty()) {
                if (stopping) {
                    return null;
                }
                changed.await();
            }
            return buffer.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    private void remove(Pending sent) {
        lock.lock();
        try {
            if (buffer.peekFirst() == sent) {
                buffer.pollFirst();
            }
            if (overflowing && buffer.size() < capacity) {
                overflowing = false;
                LOG.info("Syslog buffer has room again");
            }
        } finally {
            lock.unlock();
        }
    }

    private void pause(Duration time) throws InterruptedException {
        lock.lock();
        try {
            changed.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    private void giveUp(Map<String, String> record, String reason) {
        counters.deadLettered(1);
        try {
            undelivered.write(record, reason);
        } catch (IOException e) {
            LOG.error("Syslog record lost: it could not be sent ({}) nor written to {}: {}", reason,
                    undelivered.file(), e.toString());
        }
    }
}
