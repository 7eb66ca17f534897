package dev.modbuswatch.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The file the state is saved in. A save writes a temporary file beside it and renames it over the old one, so the file
 * is always a whole save: the last one, or the one before. A file that cannot be used is renamed aside, not deleted, so
 * it can be looked at.
 */
final class StateFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path path;
    private final Path temporary;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
        this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
    }

    Path path() {
        return path;
    }

    /** @return the saved bytes, or null when nothing was saved */
    byte[] read() throws IOException {
        return Files.exists(path) ? Files.readAllBytes(path) : null;
    }

    /** @param durable whether to wait until the bytes are on the disk (a power cut keeps them), not only in the OS */
    void write(byte[] state, boolean durable) throws IOException {
        Files.createDirectories(path.getParent());
        // Owner only: pending requests are kept as they were captured, a passphrase write's registers included.
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), OWNER_ONLY)) {
            ByteBuffer bytes = ByteBuffer.wrap(state);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (durable) {
                channel.force(true);
            }
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Renames the file to {@code <name>.unusable-<UTC time>}; returns the new path. */
    Path setAside() throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".unusable-" + STAMP.format(Instant.now()));
        return Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
    }
}
