package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;

import java.io.Closeable;
import java.io.IOException;

/** Where frames come from: a capture file or a live interface. Used by one thread. */
public interface FrameSource extends Closeable {

    /** The next frame; null when none is available now, or, once {@link #exhausted()}, ever again. */
    CapturedFrame next() throws IOException;

    /** True once a file has been read to its end; never for a live interface. */
    boolean exhausted();

    /** Packets dropped before they reached this source (kernel buffer, interface), as libpcap counts them. */
    default long packetsDropped() {
        return 0;
    }

    /**
     * Throws when the source can no longer deliver frames although reading gives no error (a live interface that was
     * taken down). Called every few seconds during live capture; does nothing by default.
     */
    default void checkHealth() throws IOException {
    }

    /** False while a live capture is interrupted (interface gone or down) and being reopened. */
    default boolean available() {
        return true;
    }

    /** Byte offset where a capture file was cut short in the middle of a record, or -1. */
    default long truncatedAt() {
        return -1;
    }

    /** How far through the source this is, from 0 to 1, or -1 when unknown (live capture). */
    default double progress() {
        return -1;
    }
}
