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
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends records to a syslog server from a thread of its own, so that the routes never wait for the network.
 * <p>
 * While messages go through, records wait only in a bounded memory buffer, for as long as sending takes. When a
 * connection or a send fails (the server is away, refuses, or closed the connection), a {@link ServerOutage} starts:
 * the records in memory, and from then on every record as it comes, go to the {@link SyslogSpool} on disk, so that
 * they survive a crash; the output tries again after 0.1 s, then twice as long each time, at most 5 s. Once a message
 * goes through, the spool is sent, oldest batch first, before the records that came after it. The spool is also sent
 * first at start, so records left by an earlier run (stopped, or killed) come before new ones.
 * <p>
 * Neither TCP/TLS nor UDP syslog has acknowledgements. What was written just before a TCP server went away may sit
 * unread in its socket, and a datagram to a UDP port where nothing listens is lost; the host's ICMP port unreachable
 * shows it at the next send, or when the output looks for it ({@link SyslogTransport#confirm}: after each retry
 * during an outage, and when it had nothing more to send for {@link #CONFIRM_WAIT}). So when a failure is found, the records sent in the last
 * {@link #RESEND_WINDOW} (at most {@link #RESEND_LIMIT}) are sent again first: delivery is at least once.
 * <p>
 * What cannot wait goes to the undelivered file with the reason: a record that finds the memory buffer full, that
 * does not fit under the spool's size limit, or that is larger than the transport carries. Stopping waits up to the
 * drain time for everything to be sent; what is left stays in the spool for the next start, and what cannot be written to
 * the spool then goes to the undelivered file.
 */
public final class SyslogOutput extends ServiceSupport implements RemoteOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogOutput.class);
    static final Duration RESEND_WINDOW = Duration.ofSeconds(2);
    static final int RESEND_LIMIT = 4096;
    /** How long the output listens for a refusal of what it sent (an ICMP port unreachable comes within a round trip). */
    static final Duration CONFIRM_WAIT = Duration.ofMillis(100);
    private static final Duration FINISH_WAIT = Duration.ofSeconds(5);
    /** After the drain time, how long a stop waits for the sender to put what is left in the spool. */
    private static final Duration SPOOL_WAIT = Duration.ofSeconds(10);
    private static final Duration SPOOL_RETRY = Duration.ofSeconds(5);
    /** While the spool cannot be written, how often the records in memory are tried again. */
    static final Duration SPOOL_WRITE_RETRY = Duration.ofMillis(200);
    /** At most one line per this time for records that could be written nowhere. */
    private static final Duration LOST_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final String STOPPED = "the syslog output was stopped";

    private final SyslogFormatter formatter;
    private final SyslogTransport.Connector connector;
    private final String server;
    private final int capacity;
    private final Duration drainTime;
    private final SyslogSpool spool;
    private final DeadLetterFile undelivered;
    private final DeliveryCounters counters;
    private final ServerOutage outage;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Pending> buffer = new ArrayDeque<>();
    private boolean stopping;
    private long drainDeadline;
    private boolean senderDone;
    private boolean overflowing;
    private Thread sender;
    /** A message went through since the start or the last failure. */
    private volatile boolean delivering;
    /** Records in memory at stop that went to the undelivered file because the spool could not be written. */
    private final AtomicLong unspooledAtStop = new AtomicLong();
    /** Records that could be written neither to the server, nor the spool, nor the undelivered file. */
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lostAtLastLine = new AtomicLong();
    private final AtomicLong nextLostLine = new AtomicLong(System.nanoTime());

    // Used by the sender thread only
    private SyslogTransport transport;
    private volatile SyslogTransport current;
    private final Deque<Sent> recent = new ArrayDeque<>();
    private boolean spoolFull;
    private boolean spoolFailing;
    private boolean spoolUnreadable;
    private long nextSpoolTry;

    private record Pending(Map<String, String> record, byte[] message) {
    }

    private record Sent(Pending pending, long nanos) {
    }

    public SyslogOutput(SyslogFormatter formatter, SyslogTransport.Connector connector, String server, int capacity,
                        Duration drainTime, SyslogSpool spool, DeadLetterFile undelivered, DeliveryCounters counters) {
        this.formatter = formatter;
        this.connector = connector;
        this.server = server;
        this.capacity = capacity;
        this.drainTime = drainTime;
        this.spool = spool;
        this.undelivered = undelivered;
        this.counters = counters;
        this.outage = new ServerOutage(server);
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
            if (senderDone) {
                if (!toSpool(List.of(record), STOPPED)) {
                    giveUp(record, STOPPED + " and its spool " + spool.folder() + " cannot be written");
                }
                return;
            }
            if (buffer.size() >= capacity) {
                if (!overflowing) {
                    overflowing = true;
                    LOG.warn("Syslog buffer full ({} records) while sending to {}: records go to {} until it drains",
                            capacity, server, undelivered.file());
                }
                giveUp(record, "buffer full (" + capacity + " records) while sending to " + server);
                return;
            }
            buffer.addLast(new Pending(record, message));
            if (!delivering) {
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
        long waiting = spool.records();
        return counters.sent() + " sent, " + counters.replayed() + " of them from the spool, " + counters.held()
                + " buffered while not connected, "
                + (counters.retried() > 0 ? counters.retried() + " sent again after a lost connection, " : "")
                + counters.spooled() + " spooled, " + counters.deadLettered() + " undelivered"
                + (counters.deadLettered() > 0 ? " (in " + undelivered.file() + ")" : "")
                + (unspooledAtStop.get() > 0 ? ", " + unspooledAtStop.get()
                + " of them because the spool could not be written at stop" : "")
                + (lost.get() > 0 ? ", " + lost.get() + " lost (the undelivered file could not be written)" : "")
                + (waiting == 0 ? "" : "; " + waiting + " records wait in the spool " + spool.folder()
                + " for the next start");
    }

    @Override
    protected void doStart() {
        lock.lock();
        try {
            stopping = false;
            senderDone = false;
        } finally {
            lock.unlock();
        }
        if (!spool.isEmpty()) {
            LOG.info("Syslog output: {} records in the spool {} are sent to {} first", spool.records(),
                    spool.folder(), server);
        }
        sender = new Thread(this::sendUntilStopped, "syslog-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            drainDeadline = System.nanoTime() + drainTime.toNanos();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        sender.join(drainTime.toMillis());
        if (sender.isAlive()) {
            SyslogTransport blocked = current;
            if (blocked != null) {
                blocked.close(); // a write blocked on a full TCP window ends with an IOException
            }
            sender.join(SPOOL_WAIT.toMillis());
        }
        if (sender.isAlive()) {
            LOG.error("Syslog output to {}: the sender did not end; the records still in memory go to the spool",
                    server);
            lock.lock();
            try {
                spoolMemoryAtStop();
            } finally {
                lock.unlock();
            }
        }
        LOG.info("Syslog output to {} stopped: {}", server, summary());
    }

    private void sendUntilStopped() {
        try {
            while (!drainOver()) {
                try {
                    if (outage.active() && !waitToRetry()) {
                        break;
                    }
                    if (!sendNext()) {
                        break;
                    }
                    if (spoolUnreadable) {
                        spoolUnreadable = false;
                        LOG.info("Syslog spool {} can be read again", spool.folder());
                    }
                } catch (IOException e) {
                    if (!spoolUnreadable) {
                        spoolUnreadable = true;
                        LOG.error("Syslog spool {} cannot be read or rewritten ({}); trying again every {} s",
                                spool.folder(), e.getMessage(), SPOOL_RETRY.toSeconds());
                    }
                    if (!pause(SPOOL_RETRY)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Syslog output to {} stopped sending after an unexpected error; records go on to the spool {}",
                    server, spool.folder(), e);
        } finally {
            closeTransport();
            lock.lock(); // held while the rest goes to the spool, so that a record offered now comes after it
            try {
                senderDone = true;
                spoolMemoryAtStop();
            } finally {
                lock.unlock();
            }
            if (!spool.isEmpty()) {
                LOG.warn("{} syslog records not delivered to {} within {} ms: kept in the spool {} for the next start",
                        spool.records(), server, drainTime.toMillis(), spool.folder());
            }
        }
    }

    /**
     * Sends the oldest spooled batch, else the oldest record in memory, else ends the connection when stopping.
     *
     * @return false when stopping and everything was sent
     */
    private boolean sendNext() throws IOException, InterruptedException {
        Optional<SyslogSpool.Batch> batch = spool.oldest();
        if (batch.isPresent()) {
            spoolMemory("older records were waiting in the spool");
            sendBatch(batch.get());
            return true;
        }
        Pending next = next();
        if (next == null) {
            return !finish();
        }
        sendFromMemory(next);
        return true;
    }

    /** @return false when the drain time of a stop is over */
    private boolean pause(Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (stopping && now - drainDeadline >= 0) {
                    return false;
                }
                long wait = stopping ? Math.min(end - now, drainDeadline - now) : end - now;
                if (wait <= 0) {
                    return true;
                }
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean drainOver() {
        lock.lock();
        try {
            return stopping && System.nanoTime() - drainDeadline >= 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pauses before the next try, putting the records that come meanwhile in the spool at once.
     *
     * @return false when the drain time of a stop is over
     */
    private boolean waitToRetry() throws InterruptedException {
        long retryAt = System.nanoTime() + outage.retryIn().toNanos();
        while (true) {
            spoolMemory("the server is unreachable");
            lock.lock();
            try {
                long now = System.nanoTime();
                if (stopping && now - drainDeadline >= 0) {
                    return false;
                }
                long wait = retryAt - now;
                if (stopping) {
                    wait = Math.min(wait, drainDeadline - now);
                }
                if (wait <= 0) {
                    return true;
                }
                if (buffer.isEmpty() || spoolFailing) {
                    changed.awaitNanos(wait);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sends one spooled batch, then removes it; on a failure it keeps what is still to send, and the resends. */
    private void sendBatch(SyslogSpool.Batch batch) throws IOException {
        List<Map<String, String>> records = batch.records();
        if (!batch.unreadable().isEmpty()) {
            LOG.error("Syslog spool {}: {} lines are not records; they go to {}", batch.segment().file(),
                    batch.unreadable().size(), undelivered.file());
            for (String line : batch.unreadable()) {
                giveUp(Map.of("spool.line", line), "not a record in the spool file " + batch.segment().file());
            }
            spool.replace(batch, records);
            return;
        }
        int sent = 0;
        try {
            connect();
            for (; sent < records.size(); sent++) {
                if (drainOver()) {
                    spool.replace(batch, records.subList(sent, records.size()));
                    return;
                }
                Map<String, String> record = records.get(sent);
                byte[] message = formatter.format(record);
                if (message.length > connector.maxMessageBytes()) {
                    giveUp(record, "message of " + message.length + " bytes is larger than the transport carries ("
                            + connector.maxMessageBytes() + ")");
                    continue;
                }
                send(message);
                remember(new Pending(record, message));
                counters.sent(1, true);
            }
        } catch (IOException e) {
            List<Map<String, String>> again = new ArrayList<>(sentRecently());
            again.addAll(records.subList(sent, records.size()));
            spool.replace(batch, again);
            failed(e);
            return;
        }
        spool.replace(batch, List.of());
    }

    private void sendFromMemory(Pending next) throws InterruptedException {
        try {
            connect();
            send(next.message());
            remember(next);
            counters.sent(1, false);
            if (removeAndCheckEmpty(next) && !recordWithin(CONFIRM_WAIT)) {
                // A refusal of a UDP datagram (ICMP) comes after its send returned, and shows at the next send; when
                // no next send comes, it is looked for now, once it had a round trip's time to come.
                transport.confirm(Duration.ofMillis(1));
            }
        } catch (IOException e) {
            putBack(recentPendings());
            failed(e);
        }
    }

    /** Sends one message; during an outage it must be seen to go through before the outage ends. */
    private void send(byte[] message) throws IOException {
        transport.send(message);
        if (outage.active()) {
            transport.confirm(CONFIRM_WAIT);
            outage.ended(waiting());
        }
        delivering = true;
    }

    private long waiting() {
        lock.lock();
        try {
            return spool.records() + buffer.size();
        } finally {
            lock.unlock();
        }
    }

    /** Makes sure there is an open connection. */
    private void connect() throws IOException {
        if (transport != null && !transport.isOpen()) {
            throw new IOException("the server closed the connection");
        }
        if (transport == null) {
            transport = connector.connect();
            current = transport;
        }
    }

    private void failed(IOException problem) {
        delivering = false;
        closeTransport();
        outage.failed(DeliveryProblem.describe(problem), "in the spool " + spool.folder());
    }

    private void closeTransport() {
        if (transport != null) {
            transport.close();
            transport = null;
            current = null;
        }
    }

    /**
     * Ends the connection once everything is sent.
     *
     * @return true when the server confirmed it read everything (or the transport cannot tell)
     */
    private boolean finish() throws InterruptedException {
        if (transport == null) {
            return true;
        }
        long left;
        lock.lock();
        try {
            left = TimeUnit.NANOSECONDS.toMillis(drainDeadline - System.nanoTime());
        } finally {
            lock.unlock();
        }
        if (transport.finish(Math.max(1, Math.min(FINISH_WAIT.toMillis(), left)))) {
            closeTransport();
            return true;
        }
        putBack(recentPendings());
        failed(new IOException("the server did not confirm it read everything"));
        return false;
    }

    /** Puts records, oldest first, back at the head of the buffer, before what came after them. */
    private void putBack(List<Pending> records) {
        lock.lock();
        try {
            for (int i = records.size() - 1; i >= 0; i--) {
                buffer.addFirst(records.get(i));
            }
        } finally {
            lock.unlock();
        }
    }

    private void remember(Pending sent) {
        long now = System.nanoTime();
        recent.addLast(new Sent(sent, now));
        while (recent.size() > RESEND_LIMIT || now - recent.peekFirst().nanos() > RESEND_WINDOW.toNanos()) {
            recent.pollFirst();
        }
    }

    /** Takes the records sent in the last RESEND_WINDOW, oldest first, to be sent again. */
    private List<Pending> recentPendings() {
        long oldest = System.nanoTime() - RESEND_WINDOW.toNanos();
        List<Pending> again = new ArrayList<>();
        for (Sent sent; (sent = recent.pollFirst()) != null; ) {
            if (sent.nanos() - oldest >= 0) {
                again.add(sent.pending());
            }
        }
        counters.retried(again.size());
        return again;
    }

    private List<Map<String, String>> sentRecently() {
        return recentPendings().stream().map(Pending::record).toList();
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

    /** Waits up to {@code time} for a record in the buffer; does not wait for the sender to be needed elsewhere. */
    private boolean recordWithin(Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        lock.lock();
        try {
            for (long wait = time.toNanos(); buffer.isEmpty() && wait > 0; wait = end - System.nanoTime()) {
                changed.awaitNanos(wait);
            }
            return !buffer.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** @return true when the buffer is empty now */
    private boolean removeAndCheckEmpty(Pending sent) {
        lock.lock();
        try {
            if (buffer.peekFirst() == sent) {
                buffer.pollFirst();
            }
            if (overflowing && buffer.size() < capacity) {
                overflowing = false;
                LOG.info("Syslog buffer has room again");
            }
            return buffer.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the records in memory to the spool, in one batch; those over the spool's size limit go to the undelivered
     * file. When the spool cannot be written, they stay in memory.
     *
     * @return how many records were moved
     */
    private int spoolMemory(String why) {
        if (spoolFailing && System.nanoTime() - nextSpoolTry < 0) {
            return 0;
        }
        List<Pending> pendings = takeBuffer();
        if (pendings.isEmpty()) {
            return 0;
        }
        if (!toSpool(records(pendings), why)) {
            nextSpoolTry = System.nanoTime() + SPOOL_WRITE_RETRY.toNanos();
            putBack(pendings);
            return 0;
        }
        return pendings.size();
    }

    /** At stop, moves the records in memory to the spool; when it cannot be written, to the undelivered file. */
    private void spoolMemoryAtStop() {
        List<Pending> pendings = takeBuffer();
        if (pendings.isEmpty() || toSpool(records(pendings), STOPPED)) {
            return;
        }
        LOG.error("Syslog output to {} stopped: {} records in memory cannot be written to the spool {}; they go to {}",
                server, pendings.size(), spool.folder(), undelivered.file());
        unspooledAtStop.addAndGet(pendings.size());
        for (Pending pending : pendings) {
            giveUp(pending.record(), STOPPED + " and its spool " + spool.folder() + " cannot be written");
        }
    }

    /** Takes all records out of the memory buffer, oldest first. */
    private List<Pending> takeBuffer() {
        List<Pending> pendings = new ArrayList<>();
        lock.lock();
        try {
            for (Pending pending; (pending = buffer.pollFirst()) != null; ) {
                pendings.add(pending);
            }
            if (overflowing) {
                overflowing = false;
                LOG.info("Syslog buffer has room again");
            }
        } finally {
            lock.unlock();
        }
        return pendings;
    }

    private static List<Map<String, String>> records(List<Pending> pendings) {
        return pendings.stream().map(Pending::record).toList();
    }

    /** @return false when the spool could not be written (nothing of the records is in it) */
    private boolean toSpool(List<Map<String, String>> records, String why) {
        List<Map<String, String>> rejected;
        try {
            rejected = spool.append(records);
        } catch (IOException e) {
            if (!spoolFailing) {
                spoolFailing = true;
                LOG.error("Syslog spool {} cannot be written ({}): records wait in memory (at most {})", spool.folder(),
                        e.getMessage(), capacity);
            }
            return false;
        }
        if (spoolFailing) {
            spoolFailing = false;
            LOG.info("Syslog spool {} can be written again", spool.folder());
        }
        counters.spooled(records.size() - rejected.size());
        if (rejected.isEmpty()) {
            if (spoolFull) {
                spoolFull = false;
                LOG.info("Syslog spool {} has room again", spool.folder());
            }
            return true;
        }
        if (!spoolFull) {
            spoolFull = true;
            LOG.warn("Syslog spool {} full ({} MiB) while {}: records go to {} until it has room", spool.folder(),
                    spool.maxBytes() >> 20, why, undelivered.file());
        }
        for (Map<String, String> record : rejected) {
            giveUp(record, "spool full (" + (spool.maxBytes() >> 20) + " MiB) while " + why);
        }
        return true;
    }

    private void giveUp(Map<String, String> record, String reason) {
        counters.deadLettered(1);
        try {
            undelivered.write(record, reason);
        } catch (IOException e) {
            long total = lost.incrementAndGet();
            long now = System.nanoTime();
            long next = nextLostLine.get();
            if (now - next >= 0 && nextLostLine.compareAndSet(next, now + LOST_LOG_INTERVAL.toNanos())) {
                LOG.error("{} syslog records lost ({} in all): they could not be sent ({}) nor written to {}: {};"
                                + " next such line in {} s at the earliest", total - lostAtLastLine.getAndSet(total),
                        total, reason, undelivered.file(), e.getMessage(), LOST_LOG_INTERVAL.toSeconds());
            }
        }
    }
}
