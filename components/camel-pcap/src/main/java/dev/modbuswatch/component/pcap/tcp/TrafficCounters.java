package dev.modbuswatch.component.pcap.tcp;

/**
 * What the TCP streams of one capture have seen so far. Written by the single capture thread; read elsewhere through
 * {@link #snapshot()}.
 */
public final class TrafficCounters {

    long segments;
    long segmentsOffModbusPorts;
    long retransmittedSegments;
    long retransmittedBytes;
    long gaps;
    long gapBytes;
    long malformedHeaders;
    long discardedBytes;
    long incompleteAdus;
    long adus;
    long connections;
    long connectionsEvicted;

    public TrafficStatistics snapshot() {
        return new TrafficStatistics(segments, segmentsOffModbusPorts, retransmittedSegments, retransmittedBytes,
                gaps, gapBytes, malformedHeaders, discardedBytes, incompleteAdus, adus, connections,
                connectionsEvicted);
    }
}
