package dev.modbuswatch.component.pcap.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds pcapng files block by block, including what {@link PcapngFileWriter} never writes (several sections and
 * interfaces, binary time stamp resolutions, offsets, simple and obsolete packet blocks), straight from the format
 * description rather than through the writer, so that it checks the reader independently.
 */
final class PcapngBuilder {

    static final int CUSTOM_BLOCK = 0x00000BAD;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    PcapngBuilder section(ByteOrder order) {
        this.order = order;
        return block(0x0A0D0D0A, body(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1));
    }

    /**
     * @param tsresol  the if_tsresol byte, or null for none (microseconds)
     * @param tsoffset the if_tsoffset seconds, or null for none
     */
    PcapngBuilder interfaceDescription(int linkType, int snaplen, Integer tsresol, Long tsoffset) {
        ByteBuffer body = body(8 + 8 + 12 + 4).putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        if (tsresol != null) {
            body.putShort((short) 9).putShort((short) 1).put(tsresol.byteValue()).put(new byte[3]);
        }
        if (tsoffset != null) {
            body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        body.putInt(0);
        return block(1, body);
    }

    PcapngBuilder enhancedPacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        return block(6, timedPacket(body(20 + data.length + 3).putInt(interfaceId), ticks, data, originalLength));
    }

    PcapngBuilder obsoletePacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        ByteBuffer body = body(20 + data.length + 3).putShort((short) interfaceId).putShort((short) 0);
        return block(2, timedPacket(body, ticks, data, originalLength));
    }

    private static ByteBuffer timedPacket(ByteBuffer body, long ticks, byte[] data, int originalLength) {
        return body.putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(originalLength)
                .put(data);
    }

    PcapngBuilder simplePacket(byte[] data, int originalLength) {
        return block(3, body(4 + data.length + 3).putInt(originalLength).put(data));
    }

    PcapngBuilder customBlock(int length) {
        return block(CUSTOM_BLOCK, body(length).put(new byte[length]));
    }

    /** Appends a block whose body is what {@code body} holds up to its position, padded to 4 bytes. */
    PcapngBuilder block(int type, ByteBuffer body) {
        int bodyLength = (body.position() + 3) & ~3;
        int length = 12 + bodyLength;
        ByteBuffer block = ByteBuffer.allocate(length).order(order).putInt(type).putInt(length);
        block.put(body.flip()).position(8 + bodyLength);
        block.putInt(length);
        out.writeBytes(block.array());
        return this;
    }

    /** Appends bytes as they are, for blocks no valid file has. */
    PcapngBuilder raw(ByteBuffer bytes) {
        out.write(bytes.array(), 0, bytes.position());
        return this;
    }

    ByteBuffer body(int capacity) {
        return ByteBuffer.allocate(capacity).order(order);
    }

    /** The offset at which the next block will begin. */
    long size() {
        return out.size();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, out.toByteArray());
    }
}
