package dev.modbuswatch.output.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ObjLongConsumer;

/**
 * One JSON-lines output file, appended to in whole lines: each append is one write of complete lines, and a write that
 * fails is cut back to the last complete line, so the file never holds half a record. Lines that cannot be written
 * are held ({@link HeldRecords}) and written, in order, before the next lines or by {@link #maintain()}. A file found
 * ending in a partial line (a crash while writing) has that fragment moved aside when it is opened.
 * <p>
 * With rotation on (the continuous run) the file is renamed with its time span before a write that would make it
 * larger than the size limit, or once its period is over; a file renamed or deleted by another program (logrotate) is
 * noticed before the next write, which creates a new one.
 */
public final class JsonLinesFile {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Duration FIRST_COMPRESSION_RETRY = Duration.ofSeconds(10);
    private static final Duration LAST_COMPRESSION_RETRY = Duration.ofMinutes(10);

    private final Path path;
    private final HoldPriority priority;
    private final OutputFilePolicy policy;
    private final HeldRecords held;
    private final Clock clock;
    private final ObjLongConsumer<String> lost;
    private final RotatedFiles rotated;
    private final ReentrantLock lock = new ReentrantLock();

    private FileChannel channel;
    private Object fileKey;
    private long size;
    private Instant began;
    private Instant periodEnd;
    private Instant lastWrite;
    private volatile boolean rotatedSinceRetention = true;

    private boolean failing;
    private boolean failureLogged;
    private Instant lastFailureLog = Instant.EPOCH;
    private Instant lastRotationFailureLog = Instant.EPOCH;
    private Instant lastRetentionFailureLog = Instant.EPOCH;
    private Instant lastCompressionFailureLog = Instant.EPOCH;
    private Duration compressionBackoff = Duration.ZERO;
    private Instant compressionRetry; // null: nothing left to compress
    private long heldSinceLog;
    private long writtenSinceLog;
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param lost told the file name and how many records were dropped whenever records are given up
     */
    JsonLinesFile(Path path, HoldPriority priority, OutputFilePolicy policy, HeldRecords held, Clock clock,
                  ObjLongConsumer<String> lost) {
        this.path = path;
        this.priority = priority;
        this.policy = policy;
        this.held = held;
        this.clock = clock;
        this.lost = lost;
        this.rotated = new RotatedFiles(path);
        Instant now = clock.instant();
        began = now;
        lastWrite = now;
        try {
            BasicFileAttributes found = Files.readAttributes(path, BasicFileAttributes.class);
            size = found.size();
            lastWrite = found.lastModifiedTime().toInstant();
            // A file rotated by time holds only its period's records (the last run rotated it when the period ended),
            // so its span starts where the period of its last write does. creationTime() is of no use: on Linux with
            // Java 17 it is the last modification time.
            began = policy.rotatesByTime() ? policy.interval().periodStart(lastWrite) : found.creationTime().toInstant();
            PartialLine.repair(path, clock);
        } catch (NoSuchFileException absent) {
            // created by the first write
        } catch (IOException e) {
            LOG.error("Cannot check {} for a partial last line: {} (checked again before the first write)", path,
                    describe(e));
        }
        periodEnd = policy.interval().periodEnd(began);
    }

    /**
     * A file of its own, outside the {@code jsonl:} component, for an output's failure records (dead letters): whole
     * lines, held and retried on the next write while writing fails, rotated and kept by the same policy. Its owner
     * calls {@link #maintain} before each write, as nothing else does; it is never closed (what is written is the
     * operating system's once written).
     */
    public static JsonLinesFile ofItsOwn(Path path, OutputFilePolicy policy, Clock clock,
                                         ObjLongConsumer<String> lost) {
        return new JsonLinesFile(path.toAbsolutePath().normalize(), HoldPriority.HIGH, policy,
                new HeldRecords(policy.holdBytes()), clock, lost);
    }

    public Path path() {
        return path;
    }

    HoldPriority priority() {
        return priority;
    }

    /** Records given up (buffer full, or still held at the stop) since the start. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Appends complete lines (each ending in a newline): written at once unless writing fails or records are already
     * held, else held. Never throws for a failed write.
     */
    public void append(byte[] lines) {
        if (lines.length == 0) {
            return;
        }
        lock.lock();
        try {
            if (!held.holds(this)) {
                try {
                    write(lines);
                    return;
                } catch (IOException e) {
                    failed(e);
                    held.hold(this, lines);
                    return;
                }
            }
            held.hold(this, lines);
            writeHeld();
        } finally {
            lock.unlock();
        }
    }

    /** Writes held records and rotates a file whose period is over; run every few seconds. */
    public void maintain() {
        lock.lock();
        try {
            if (held.holds(this)) {
                writeHeld();
            } else if (policy.rotatesByTime() && size > 0 && !clock.instant().isBefore(periodEnd)) {
                Instant now = clock.instant();
                followRename(now);
                rotateIfDue(now, 0);
            }
        } catch (IOException e) {
            LOG.debug("Rotating {} failed", path, e);
        } finally {
            lock.unlock();
        }
        if (rotatedSinceRetention || compressionRetry != null && !clock.instant().isBefore(compressionRetry)) {
            rotatedSinceRetention = false;
            keepRotatedFiles();
        }
    }

    /** Writes what is still held and closes the file; what cannot be written is dropped, counted and logged. */
    public void close() {
        lock.lock();
        try {
            if (held.holds(this)) {
                writeHeld();
            }
            long left = held.dropAll(this);
            if (left > 0) {
                dropped(left);
                LOG.error("Stopping with {} records for {} that could not be written: they are lost", left, path);
            }
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    void held(long records) {
        heldSinceLog += records;
    }

    void dropped(long records) {
        dropped.addAndGet(records);
        droppedSinceLog.addAndGet(records);
        lost.accept(path.getFileName().toString(), records);
    }

    private void writeHeld() {
        synchronized (held) {
            HeldRecords.Lines lines;
            while ((lines = held.first(this)) != null) {
                try {
                    write(lines.bytes());
                } catch (IOException e) {
                    failed(e);
                    return;
                }
                held.removeFirst(this);
                writtenSinceLog += lines.records();
            }
        }
        recovered();
    }

    private void write(byte[] lines) throws IOException {
        Instant now = policy.rotate() ? clock.instant() : null;
        if (now != null) {
            followRename(now);
            rotateIfDue(now, lines.length);
        }
        if (channel == null) {
            open();
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            cutBackTo(size);
            throw e;
        }
        size += lines.length;
        if (now != null) {
            lastWrite = now;
        }
    }

    private void open() throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        PartialLine.repair(path, clock);
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        BasicFileAttributes opened = Files.readAttributes(path, BasicFileAttributes.class);
        fileKey = opened.fileKey();
        size = channel.size();
    }

    /**
     * Removes what a failed write left (part of its lines). If even that fails the file is closed: opening it again
     * moves the partial line aside.
     */
    private void cutBackTo(long length) {
        try {
            if (channel.size() > length) {
                channel.truncate(length);
            }
        } catch (IOException e) {
            LOG.debug("Cutting {} back to {} bytes failed", path, length, e);
        }
        closeChannel();
    }

    /** Another program renamed or deleted the file (logrotate's create mode): write a new one. */
    private void followRename(Instant now) {
        if (channel == null) {
            return;
        }
        Object key;
        long found;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            key = attributes.fileKey();
            found = attributes.size();
        } catch (IOException gone) {
            key = null;
            found = 0;
        }
        if (key != null && Objects.equals(key, fileKey)) {
            size = found; // truncated by another program (logrotate's copytruncate) or not
            return;
        }
        LOG.info("{} was renamed or deleted by another program: writing a new one", path);
        closeChannel();
        size = 0;
        began = now;
        periodEnd = policy.interval().periodEnd(now);
    }

    /** Rotates before a write of {@code incoming} bytes if the file would grow too large or its period is over. */
    private void rotateIfDue(Instant now, int incoming) throws IOException {
        boolean periodOver = !now.isBefore(periodEnd);
        boolean tooLarge = policy.rotatesBySize() && size > 0 && size + incoming > policy.rotateBytes();
        if (!periodOver && !tooLarge) {
            return;
        }
        if (size == 0) {
            began = policy.interval().periodStart(now);
            periodEnd = policy.interval().periodEnd(now);
            return;
        }
        Instant ended = periodOver ? max(periodEnd, lastWrite) : now;
        Path target = rotated.nameFor(began, ended);
        closeChannel();
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            LOG.info("{} was renamed or deleted by another program: writing a new one", path);
            size = 0;
            began = now;
            periodEnd = policy.interval().periodEnd(now);
            return;
        } catch (IOException e) {
            periodEnd = policy.interval().periodEnd(now);
            if (Duration.between(lastRotationFailureLog, now).compareTo(LOG_EVERY) >= 0) {
                lastRotationFailureLog = now;
                LOG.error("Cannot rotate {} to {}: {}; writing on into {}", path, target.getFileName(), describe(e),
                        path.getFileName());
            }
            return;
        }
        LOG.info("Rotated {} to {} ({} bytes)", path, target.getFileName(), size);
        size = 0;
        began = periodOver ? policy.interval().periodStart(now) : now;
        periodEnd = policy.interval().periodEnd(now);
        rotatedSinceRetention = true;
    }

    /**
     * Deletes what retention says first, as that frees space even on a full disk, then compresses. A compression that
     * fails (a full disk) is retried with a growing delay, not at every maintenance, as it writes a whole file each time.
     * Only maintenance calls this.
     */
    private void keepRotatedFiles() {
        if (!policy.rotate()) {
            return;
        }
        Instant now = clock.instant();
        boolean retained = retain(now);
        if (!policy.compress() || compressionRetry != null && now.isBefore(compressionRetry)) {
            return;
        }
        try {
            rotated.compress();
        } catch (IOException e) {
            compressionBackoff = compressionBackoff.isZero() ? FIRST_COMPRESSION_RETRY
                    : min(compressionBackoff.multipliedBy(2), LAST_COMPRESSION_RETRY);
            compressionRetry = now.plus(compressionBackoff);
            if (Duration.between(lastCompressionFailureLog, now).compareTo(LOG_EVERY) >= 0) {
                lastCompressionFailureLog = now;
                LOG.warn("Cannot compress rotated files of {}: {} (tried again in {} s)", path, describe(e),
                        compressionBackoff.toSeconds());
            }
            return;
        }
        compressionBackoff = Duration.ZERO;
        compressionRetry = null;
        if (retained) {
            retain(now); // the compressed files take less
        }
    }

    /** @return false if a file could not be deleted (tried again at the next maintenance) */
    private boolean retain(Instant now) {
        try {
            rotated.retain(now, policy.retainAge(), policy.retainBytes());
            return true;
        } catch (IOException e) {
            rotatedSinceRetention = true;
            if (Duration.between(lastRetentionFailureLog, now).compareTo(LOG_EVERY) >= 0) {
                lastRetentionFailureLog = now;
                LOG.warn("Cannot delete rotated files of {}: {} (tried again every {} s)", path, describe(e),
                        policy.retryEvery().toSeconds());
            }
            return false;
        }
    }

    /** One ERROR per outage, at most one a minute; the outage's figures come with the line that ends it. */
    private void failed(IOException e) {
        if (failing) {
            return;
        }
        failing = true;
        Instant now = clock.instant();
        failureLogged = Duration.between(lastFailureLog, now).compareTo(LOG_EVERY) >= 0;
        if (failureLogged) {
            lastFailureLog = now;
            LOG.error("Cannot write {}: {}. Its records are held in memory and written when it works again"
                    + " (retried every {} s)", path, describe(e), policy.retryEvery().toSeconds());
        }
    }

    private void recovered() {
        if (!failing) {
            return;
        }
        failing = false;
        if (failureLogged) {
            LOG.info("Writing {} works again: {} records were held, {} of them written, {} dropped", path,
                    heldSinceLog, writtenSinceLog, droppedSinceLog.get());
            heldSinceLog = 0;
            writtenSinceLog = 0;
            droppedSinceLog.set(0);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", path, e);
            }
            channel = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The reason without the path the message already names ("No space left on device"). */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
