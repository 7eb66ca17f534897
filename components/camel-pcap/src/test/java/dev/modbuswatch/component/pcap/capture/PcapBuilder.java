package dev.modbuswatch.component.pcap.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds classic pcap files field by field, including what {@link PcapFileWriter} never writes (records longer than
 * the snapshot length, the Kuznetzov record header, flags in the link type field), straight from the format
 * description rather than through the writer.
 */
final class PcapBuilder {

    static final int MICROSECONDS = 0xA1B2C3D4;
    static final int NANOSECONDS = 0xA1B23C4D;
    static final int KUZNETZOV = 0xA1B2CD34;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final int magic;

    /** @param linkTypeField the whole 32-bit field, flags included */
    PcapBuilder(ByteOrder order, int magic, int snaplen, int linkTypeField) {
        this.order = order;
        this.magic = magic;
        append(ByteBuffer.allocate(24).order(order).putInt(magic).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkTypeField));
    }

    PcapBuilder record(int seconds, int fraction, byte[] data, int originalLength) {
        int extra = magic == KUZNETZOV ? 8 : 0;
        ByteBuffer record = ByteBuffer.allocate(16 + extra + data.length).order(order)
                .putInt(seconds).putInt(fraction).putInt(data.length).putInt(originalLength);
        return append(record.position(16 + extra).put(data));
    }

    private PcapBuilder append(ByteBuffer bytes) {
        out.write(bytes.array(), 0, bytes.position());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }
}
