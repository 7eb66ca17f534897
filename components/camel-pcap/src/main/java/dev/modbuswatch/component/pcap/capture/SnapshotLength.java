package dev.modbuswatch.component.pcap.capture;

/**
 * The most bytes of a frame a capture stores.
 *
 * @param bytes between 1 and {@link #MAXIMUM}
 */
record SnapshotLength(int bytes) {

    /** libpcap's limit for the common link types: no real record holds more. */
    static final int MAXIMUM = 256 * 1024;

    /** As libpcap reads a file's snapshot length: 0 or more than {@link #MAXIMUM} mean the maximum. */
    static SnapshotLength declared(long snaplen) {
        return new SnapshotLength(snaplen <= 0 || snaplen > MAXIMUM ? MAXIMUM : (int) snaplen);
    }

    /** How many of a record's captured bytes to keep: libpcap cuts records longer than the snapshot length. */
    int kept(long capturedLength) {
        return (int) Math.min(capturedLength, bytes);
    }
}
