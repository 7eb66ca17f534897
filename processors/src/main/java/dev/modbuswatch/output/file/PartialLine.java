package dev.modbuswatch.output.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Repairs a JSON-lines file that ends in part of a line (the process was killed, or the disk filled, while writing):
 * the fragment is moved to {@code <file>.partial-<UTC time>} next to it and the file cut back to its last complete
 * line, so the next record starts a line of its own.
 */
final class PartialLine {

    private static final Logger LOG = LoggerFactory.getLogger(PartialLine.class);
    private static final int BLOCK = 64 * 1024;

    private PartialLine() {
    }

    /** @throws IOException when the fragment cannot be saved (the file is then left as it was) */
    static void repair(Path file, Clock clock) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0 || byteAt(channel, size - 1) == '\n') {
                return;
            }
            long cut = afterLastNewline(channel, size);
            Path aside = file.resolveSibling(file.getFileName() + ".partial-"
                    + RotatedFiles.TIME.format(clock.instant()));
            for (int sequence = 1; Files.exists(aside); sequence++) {
                aside = file.resolveSibling(file.getFileName() + ".partial-"
                        + RotatedFiles.TIME.format(clock.instant()) + "." + sequence);
            }
            try (FileChannel fragment = FileChannel.open(aside, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long at = cut; at < size; ) {
                    at += channel.transferTo(at, size - at, fragment);
                }
            } catch (IOException e) {
                Files.deleteIfExists(aside);
                throw e;
            }
            channel.truncate(cut);
            LOG.warn("{} ended in a partial line of {} bytes (a write was cut short): moved to {}", file, size - cut,
                    aside.getFileName());
        }
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    /** The length of the file up to and including its last newline; 0 without one. */
    private static long afterLastNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        for (long end = size; end > 0; ) {
            long start = Math.max(0, end - BLOCK);
            block.clear().limit((int) (end - start));
            while (block.hasRemaining() && channel.read(block, start + block.position()) > 0) {
                // fill the block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
