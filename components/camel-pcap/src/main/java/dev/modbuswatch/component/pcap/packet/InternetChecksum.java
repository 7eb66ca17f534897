package dev.modbuswatch.component.pcap.packet;

/** The ones' complement checksum of RFC 1071 that IPv4 headers and TCP segments carry. */
final class InternetChecksum {

    private InternetChecksum() {
    }

    static long sum(byte[] data) {
        return sum(data, 0, data.length);
    }

    /** Adds up the big-endian 16-bit words; an odd last byte counts as the high half of a word. */
    static long sum(byte[] data, int offset, int length) {
        long sum = 0;
        int end = offset + length;
        for (int i = offset; i + 1 < end; i += 2) {
            sum += (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
        }
        if (length % 2 != 0) {
            sum += (data[end - 1] & 0xFF) << 8;
        }
        return sum;
    }

    /** The checksum field's value for data whose words add up to {@code sum}. */
    static short complement(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short) ~sum;
    }
}
