package dev.modbuswatch.component.pcap.capture;

/**
 * What a pcapng Interface Description Block says about the packets captured on that interface.
 *
 * @param offsetSeconds the if_tsoffset option: seconds to add to every time stamp
 */
record PcapngInterface(int linkType, SnapshotLength snapshotLength, TimestampResolution resolution,
                       long offsetSeconds) {

    long epochSecond(long ticks) {
        return resolution.seconds(ticks) + offsetSeconds;
    }

    int nanos(long ticks) {
        return resolution.nanos(ticks);
    }
}
