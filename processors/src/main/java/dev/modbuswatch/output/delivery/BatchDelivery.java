package dev.modbuswatch.output.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Delivers records to one {@link DeliveryTarget} at least once. Records are batched (up to {@code batchSize}, or what
 * came within {@code linger} of a batch's first record), split into calls under the target's size limit, and sent in
 * order on a thread of its own. A failed call is retried per the {@link RetryPolicy}; when the retries run out the
 * records go to the {@link DiskSpool}, and while the spool holds anything new batches join it, so that order is kept.
 * The spool is replayed, oldest first, at start and then every {@code RetryPolicy.max()} until it is empty. A record
 * refused for good (a 4xx other than 408 and 429, or too large for one call) goes to the {@link DeadLetterFile}.
 * Stopping delivers or spools everything offered: it waits up to {@code drainTimeout}, then spools what is left.
 */
public final class BatchDelivery extends ServiceSupport implements RemoteOutput {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryTarget target;
    private final DiskSpool spool;
    private final DeadLetterFile deadLetters;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final Duration linger;
    private final Duration drainTimeout;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private volatile boolean interrupted;
    private long nextReplay;
    private Thread worker;

    public BatchDelivery(DeliveryTarget target, DiskSpool spool, DeadLetterFile deadLetters, RetryPolicy retryPolicy,
                         int batchSize, Duration linger, Duration drainTimeout) {
        this.target = target;
        this.spool = spool;
        this.deadLetters = deadLetters;
        this.retryPolicy = retryPolicy;
        this.batchSize = batchSize;
        this.linger = linger;
        this.drainTimeout = drainTimeout;
    }

    /** Takes a record (a map or bean Jackson can write) for delivery; once stopped, straight to the spool. */
    public void offer(Object record) throws IOException {
        String json = record instanceof String text ? text : JSON.writeValueAsString(record);
        synchronized (this) { // a stop (also synchronized) cannot end the worker between the check and the add
            if (worker == null || !worker.isAlive()) {
                toSpool(List.of(json), "the output is not running");
            } else {
                queue.add(json);
            }
        }
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public String summary() {
        long waiting = spool.records();
        return counters.sent() + " records sent (" + counters.replayed() + " from the spool), " + counters.retried()
                + " retried, " + counters.spooled() + " spooled, " + counters.deadLettered() + " dead-lettered"
                + (waiting == 0 ? "; all delivered" : "; " + waiting + " records wait in the spool " + spool.folder()
                + " for the next run")
                + (counters.deadLettered() > 0 ? "; refused records are in " + deadLetters.file() : "");
    }

    public DeliveryCounters counters() {
        return counters;
    }

    public DiskSpool spool() {
        return spool;
    }

    public DeadLetterFile deadLetters() {
        return deadLetters;
    }

    @Override
    protected synchronized void doStart() {
        if (worker != null && worker.isAlive()) {
            return; // started both as a context service and by the route's bean step
        }
        stopping = false;
        interrupted = false;
        if (!spool.isEmpty()) {
            LOG.info("{}: {} records in the spool {} are sent first", name(), spool.records(), spool.folder());
        }
        LOG.debug("{}: delivery starts", name());
        worker = new Thread(this::deliverUntilStopped, name() + "-delivery");
        worker.start();
    }

    @Override
    protected synchronized void doStop() {
        if (worker == null) {
            return;
        }
        stopping = true;
        boolean cutShort = false;
        try {
            worker.join(drainTimeout.toMillis());
        } catch (InterruptedException e) {
            cutShort = true;
        }
        if (worker.isAlive()) {
            LOG.warn("{}: delivery not done {}, spooling what is left", name(),
                    cutShort ? "when the shutdown timed out" : "after " + drainTimeout.toSeconds() + " s");
            interrupted = true;
            worker.interrupt();
            joinUninterruptibly();
        }
        if (cutShort) {
            Thread.currentThread().interrupt();
        }
    }

    /** Spooling what is left takes no network, so this wait is short. */
    private void joinUninterruptibly() {
        boolean interruptedAgain = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interruptedAgain = true;
            }
        }
        if (interruptedAgain) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverUntilStopped() {
        try {
            while (true) {
                if (!spool.isEmpty() && System.currentTimeMillis() >= nextReplay) {
                    replaySpool();
                }
                List<String> batch = nextBatch();
                if (batch.isEmpty()) {
                    if (stopping && queue.isEmpty()) {
                        break;
                    }
                } else if (spool.isEmpty() && !interrupted) {
                    List<String> unsent = deliver(batch, false);
                    if (!unsent.isEmpty()) {
                        toSpool(unsent, "the endpoint is unavailable");
                        nextReplay = System.currentTimeMillis() + retryPolicy.max().toMillis();
                    }
                } else {
                    toSpool(batch, "older records are waiting in the spool");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: delivery stopped, the records not yet delivered are in {} or still in memory: {}",
                    name(), spool.folder(), e.toString());
        }
    }

    /** Waits for a first record, then for more until the batch is full or has lingered. */
    private List<String> nextBatch() {
        List<String> batch = new ArrayList<>();
        try {
            String first = stopping ? queue.poll() : queue.poll(nextWake(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return batch;
            }
            batch.add(first);
            long deadline = System.nanoTime() + linger.toNanos();
            while (batch.size() < batchSize) {
                long wait = stopping ? 0 : deadline - System.nanoTime();
                String next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                if (next == null) {
                    break;
                }
                batch.add(next);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            queue.drainTo(batch);
        }
        return batch;
    }

    private long nextWake() {
        return spool.isEmpty() ? 500 : Math.max(1, Math.min(500, nextReplay - System.currentTimeMillis()));
    }

    private void replaySpool() throws IOException {
        Optional<DiskSpool.Segment> segment;
        while (!interrupted && (segment = spool.oldest()).isPresent()) {
            List<String> unsent = deliver(segment.get().records(), true);
            spool.replace(segment.get(), unsent);
            if (!unsent.isEmpty()) {
                nextReplay = System.currentTimeMillis() + retryPolicy.max().toMillis();
                LOG.warn("{}: the endpoint is still unavailable, {} records stay in the spool {}", name(),
                        spool.records(), spool.folder());
                return;
            }
        }
        if (spool.isEmpty()) {
            LOG.info("{}: the spool is empty, every spooled record is delivered", name());
        }
    }

    private void toSpool(List<String> records, String why) throws IOException {
        if (!records.isEmpty()) {
            spool.append(records);
            counters.spooled(records.size());
            LOG.warn("{}: {} records spooled to {} ({})", name(), records.size(), spool.folder(), why);
        }
    }

    /** Sends the records in calls that fit; returns those not delivered (the rest of the list from the first failure). */
    private List<String> deliver(List<String> records, boolean fromSpool) throws IOException {
        byte[] body = target.body(records);
        if (body.length >= target.maxBodyBytes()) {
            return split(records, fromSpool, "the call would have " + body.length + " bytes, the limit is "
                    + target.maxBodyBytes());
        }
        HttpAnswer answer = target.post(body);
        for (int retry = 0; answer.retryable() && retry < retryPolicy.retries() && !interrupted; retry++) {
            Duration delay = retryPolicy.delay(retry, answer);
            LOG.warn("{}: {} for {} records, retry {} of {} in {} ms", name(), answer, records.size(), retry + 1,
                    retryPolicy.retries(), delay.toMillis());
            if (!sleep(delay)) {
                break;
            }
            counters.retried(records.size());
            answer = target.post(body);
        }
        if (answer.succeeded()) {
            LOG.debug("{}: {} records sent in {} bytes", name(), records.size(), body.length);
            counters.sent(records.size(), fromSpool);
            return List.of();
        }
        if (answer.tooLarge()) {
            return split(records, fromSpool, "the endpoint refused a call of " + body.length + " bytes as too large");
        }
        if (answer.retryable()) {
            LOG.warn("{}: {} for {} records, giving up for now", name(), answer, records.size());
            return records;
        }
        LOG.error("{}: {} refused {} records for good, they are in {}", name(), answer, records.size(),
                deadLetters.file());
        deadLetters.write(records, "refused by the endpoint", answer);
        counters.deadLettered(records.size());
        return List.of();
    }

    private List<String> split(List<String> records, boolean fromSpool, String why) throws IOException {
        if (records.size() == 1) {
            LOG.error("{}: a record does not fit in one call ({}), it is in {}", name(), why, deadLetters.file());
            deadLetters.write(records, "does not fit in one call: " + why, null);
            counters.deadLettered(1);
            return List.of();
        }
        int half = records.size() / 2;
        List<String> unsent = deliver(records.subList(0, half), fromSpool);
        if (!unsent.isEmpty()) {
            List<String> rest = new ArrayList<>(unsent);
            rest.addAll(records.subList(half, records.size()));
            return rest;
        }
        return deliver(records.subList(half, records.size()), fromSpool);
    }

    private boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        }
    }
}
