package dev.modbuswatch.output.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The rotated files of one output, next to it and named with the time span they cover:
 * {@code events.jsonl} becomes {@code events-20261204T000000Z-20261205T000000Z.jsonl} (a second file with the same
 * span gets {@code .1}, {@code .2}... before {@code .jsonl}), optionally compressed to {@code ...jsonl.gz}.
 */
final class RotatedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RotatedFiles.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".jsonl";

    private final Path current;
    private final String stem;
    private final Pattern rotatedName;

    /** A rotated file and when its span ended, for retention. */
    record Rotated(Path path, String end, int sequence, long bytes) {
    }

    RotatedFiles(Path current) {
        this.current = current;
        String name = current.getFileName().toString();
        this.stem = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        this.rotatedName = Pattern.compile(Pattern.quote(stem)
                + "-([0-9]{8}T[0-9]{6}Z)-([0-9]{8}T[0-9]{6}Z)(?:\\.([0-9]+))?\\.jsonl(\\.gz)?");
    }

    /** A name for the file covering {@code began} to {@code ended} that no rotated file has yet. */
    Path nameFor(Instant began, Instant ended) {
        String span = stem + "-" + TIME.format(began) + "-" + TIME.format(ended);
        Path candidate = current.resolveSibling(span + SUFFIX);
        for (int sequence = 1; Files.exists(candidate) || Files.exists(gzip(candidate)); sequence++) {
            candidate = current.resolveSibling(span + "." + sequence + SUFFIX);
        }
        return candidate;
    }

    /** Every rotated file of this output, oldest span end first. */
    List<Rotated> list() throws IOException {
        List<Rotated> found = new ArrayList<>();
        Path folder = current.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, stem + "-*" + SUFFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = rotatedName.matcher(entry.getFileName().toString());
                if (name.matches()) {
                    try {
                        found.add(new Rotated(entry, name.group(2),
                                name.group(3) == null ? 0 : Integer.parseInt(name.group(3)), Files.size(entry)));
                    } catch (NoSuchFileException gone) {
                        // deleted meanwhile
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Rotated::end).thenComparingInt(Rotated::sequence));
        return found;
    }

    /** Compresses the rotated files not compressed yet; a failure leaves the file as it is, to try again later. */
    void compress() throws IOException {
        for (Rotated file : list()) {
            if (file.path().getFileName().toString().endsWith(SUFFIX)) {
                compress(file.path());
            }
        }
    }

    private static void compress(Path file) throws IOException {
        Path target = gzip(file);
        Path partial = target.resolveSibling(target.getFileName() + ".tmp");
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(file);
    }

    /**
     * Deletes the rotated files whose span ended before {@code now - maxAge} (unless maxAge is zero), then the oldest
     * while all of them together take more than {@code maxBytes} (unless it is 0).
     */
    void retain(Instant now, Duration maxAge, long maxBytes) throws IOException {
        List<Rotated> files = list();
        long total = files.stream().mapToLong(Rotated::bytes).sum();
        String oldestKept = maxAge.isZero() ? "" : TIME.format(now.minus(maxAge));
        for (Rotated file : files) {
            boolean tooOld = file.end().compareTo(oldestKept) < 0;
            boolean tooMuch = maxBytes > 0 && total > maxBytes;
            if (!tooOld && !tooMuch) {
                break;
            }
            Files.deleteIfExists(file.path());
            total -= file.bytes();
            LOG.info("Deleted {} ({} bytes): {}", file.path(), file.bytes(),
                    tooOld ? "older than " + maxAge.toDays() + " days" : "rotated files of "
                            + current.getFileName() + " over " + maxBytes + " bytes");
        }
    }

    private static Path gzip(Path file) {
        return file.resolveSibling(file.getFileName() + ".gz");
    }
}
