package dev.modbuswatch.app;

import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceSupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;

/**
 * A route file as it was once it stopped changing: its content read once, so that the routes checked and the routes
 * started come from the same text. An editor saving in place truncates the file and writes it again, possibly in
 * several writes; the file counts as saved when its size and modification time stay the same for a quiet period.
 */
final class RouteFileSnapshot {

    /** At most this many quiet periods are waited for a file that keeps changing. */
    private static final int MAX_WAITS = 20;

    private final Path file;
    private final String location;
    private final byte[] content;

    private RouteFileSnapshot(Path file, String location, byte[] content) {
        this.file = file;
        this.location = location;
        this.content = content;
    }

    /**
     * @param location the resource location the routes will name as their source (as Camel's watcher gives it)
     * @return the file's content once it has not changed for {@code quiet}; a missing file gives a snapshot that is
     *         {@link #isMissing() missing}
     */
    static RouteFileSnapshot whenSettled(Path file, String location, Duration quiet)
            throws IOException, InterruptedException {
        Stamp before = Stamp.of(file);
        for (int wait = 0; wait < MAX_WAITS; wait++) {
            Thread.sleep(quiet.toMillis());
            Stamp after = Stamp.of(file);
            if (Objects.equals(before, after)) {
                break;
            }
            before = after;
        }
        try {
            return new RouteFileSnapshot(file, location, before == null ? null : Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new RouteFileSnapshot(file, location, null);
        }
    }

    static RouteFileSnapshot of(Path file, String location, String text) {
        return new RouteFileSnapshot(file, location, text.getBytes(StandardCharsets.UTF_8));
    }

    Path file() {
        return file;
    }

    boolean isMissing() {
        return content == null;
    }

    /** No content but white space: an editor has truncated the file and not yet written it. */
    boolean isBlank() {
        return content != null && new String(content, StandardCharsets.UTF_8).isBlank();
    }

    /** What the file holds, comparable with an earlier snapshot's: missing, or its bytes. */
    Object state() {
        return content == null ? "missing" : ByteBuffer.wrap(content);
    }

    /** The content as a Camel resource with the file's location, for the routes loader. */
    Resource resource() {
        return new ResourceSupport("file", location) {
            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public URI getURI() {
                return file.toUri();
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    /** Whether a route or route configuration with this source resource was loaded from this file. */
    boolean isSourceOf(Resource source) {
        if (source == null) {
            return false;
        }
        try {
            return Path.of(source.getURI()).toAbsolutePath().normalize()
                    .equals(file.toAbsolutePath().normalize());
        } catch (RuntimeException notAFile) {
            return false;
        }
    }

    /** Line {@code line} (1-based) of the content, for locating a name in it; null past the end. */
    String line(int line) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : null;
    }

    private record Stamp(long size, FileTime modified, Object key) {

        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
