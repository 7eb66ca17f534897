package dev.modbuswatch.component.pcap.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A frame as a value that compares by content ({@link CapturedFrame} holds an array, which compares by identity).
 *
 * @param bytes the captured bytes in hex
 */
record FrameValues(int linkType, long epochSecond, int nanos, int originalLength, String bytes) {

    static FrameValues of(CapturedFrame frame) {
        return new FrameValues(frame.linkType(), frame.epochSecond(), frame.nanos(), frame.originalLength(),
                HexFormat.of().formatHex(frame.data()));
    }

    static FrameValues of(int linkType, long epochSecond, int nanos, int originalLength, byte[] data) {
        return new FrameValues(linkType, epochSecond, nanos, originalLength, HexFormat.of().formatHex(data));
    }

    FrameValues withLinkType(int linkType) {
        return new FrameValues(linkType, epochSecond, nanos, originalLength, bytes);
    }

    /** Every frame {@code reader} has left. */
    static List<FrameValues> readAll(CaptureFileReader reader) throws IOException {
        List<FrameValues> frames = new ArrayList<>();
        for (CapturedFrame frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(of(frame));
        }
        return frames;
    }

    static List<FrameValues> readAll(Path file) throws IOException {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            return readAll(reader);
        }
    }

    /** Bytes 0, 1, 2, ... wrapping at 256, with the first byte set to {@code tag} to tell frames apart. */
    static byte[] bytes(int length, int tag) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        if (length > 0) {
            data[0] = (byte) tag;
        }
        return data;
    }
}
