package dev.modbuswatch.output.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Records kept on disk, in order, until they are taken out: one file per appended batch ({@code 00000000000000000001.jsonl},
 * one record per line), written to a temporary file, forced to disk and renamed, so a crash leaves either the whole
 * batch or none of it. Survives process restarts: a new spool on the same folder continues where the last one stopped.
 * Records must be single lines (compact JSON is).
 * <p>
 * A segment deleted from outside (or the whole folder) is dropped from the spool. A delivered segment that cannot be
 * removed (read-only file system, I/O error) is no longer part of the spool: it is not handed out again, and removal
 * is tried again at each {@link #oldest()} (a restart before it succeeds reads it again: delivery is at least once).
 */
public final class DiskSpool {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
    private static final String SUFFIX = ".jsonl";

    /** One appended batch, oldest first. */
    public record Segment(Path file, List<String> records) {
    }

    private record Size(int records, long bytes) {
    }

    private final Path folder;
    private final TreeMap<Long, Size> sizeBySegment = new TreeMap<>();
    /** Delivered segments whose file could not be removed yet. */
    private final TreeSet<Long> delivered = new TreeSet<>();
    private long records;
    private long bytes;
    private boolean removalFailing;

    public DiskSpool(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(file);
                } else if (name.endsWith(SUFFIX)) {
                    put(sequence(file), new Size(Files.readAllLines(file, StandardCharsets.UTF_8).size(),
                            Files.size(file)));
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    public synchronized void append(List<String> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        long last = Math.max(sizeBySegment.isEmpty() ? 0 : sizeBySegment.lastKey(),
                delivered.isEmpty() ? 0 : delivered.last());
        put(last + 1, new Size(records.size(), write(file(last + 1), records)));
    }

    public synchronized Optional<Segment> oldest() throws IOException {
        removeDelivered();
        while (!sizeBySegment.isEmpty()) {
            long sequence = sizeBySegment.firstKey();
            Path file = file(sequence);
            try {
                return Optional.of(new Segment(file, List.copyOf(Files.readAllLines(file, StandardCharsets.UTF_8))));
            } catch (NoSuchFileException e) {
                Size lost = sizeBySegment.get(sequence);
                LOG.warn("Spool {}: segment {} was removed from outside; its {} records are no longer in the spool",
                        folder, file.getFileName(), lost.records());
                put(sequence, null);
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces a segment by the records still to deliver in its place (those of it not yet delivered, and any older ones
     * to send again); with none left, removes it.
     */
    public synchronized void replace(Segment segment, List<String> remaining) throws IOException {
        long sequence = sequence(segment.file());
        if (remaining.isEmpty()) {
            put(sequence, null);
            delivered.add(sequence);
            removeDelivered();
        } else if (!remaining.equals(segment.records())) {
            put(sequence, new Size(remaining.size(), write(segment.file(), remaining)));
        }
    }

    /** Removes the files of delivered segments, as far as it can; logs once when it cannot, and once when it can again. */
    private void removeDelivered() {
        while (!delivered.isEmpty()) {
            Path file = file(delivered.first());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                if (!removalFailing) {
                    removalFailing = true;
                    LOG.error("Spool {}: delivered segment {} cannot be removed ({}); it is not sent again, and removed"
                            + " once possible", folder, file.getFileName(), e.getMessage());
                }
                return;
            }
            delivered.pollFirst();
            if (removalFailing && delivered.isEmpty()) {
                removalFailing = false;
                LOG.info("Spool {}: delivered segments can be removed again", folder);
            }
        }
    }

    /** Sets (or with null removes) a segment's size, keeping the totals. */
    private void put(long sequence, Size size) {
        Size old = size == null ? sizeBySegment.remove(sequence) : sizeBySegment.put(sequence, size);
        if (old != null) {
            records -= old.records();
            bytes -= old.bytes();
        }
        if (size != null) {
            records += size.records();
            bytes += size.bytes();
        }
    }

    public synchronized boolean isEmpty() {
        return sizeBySegment.isEmpty();
    }

    public synchronized long records() {
        return records;
    }

    /** What the segments take on disk. */
    public synchronized long bytes() {
        return bytes;
    }

    private Path file(long sequence) {
        return folder.resolve(String.format("%020d%s", sequence, SUFFIX));
    }

    private static long sequence(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException("not a spool file: " + file));
        }
    }

    /** @return the bytes written */
    private long write(Path file, List<String> records) throws IOException {
        Files.createDirectories(folder); // it may have been removed from outside
        Path temporary = folder.resolve(file.getFileName() + ".tmp");
        byte[] bytes = (String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return bytes.length;
    }
}
