package dev.modbuswatch.component.pcap.tcp;

/**
 * Counters of the TCP streams at one moment.
 *
 * @param segments               TCP segments seen on a Modbus port
 * @param segmentsOffModbusPorts TCP segments whose ports are none of the Modbus server ports
 * @param retransmittedSegments  segments whose bytes had all been seen already (dropped)
 * @param retransmittedBytes     bytes seen twice and dropped (whole or partial retransmissions)
 * @param gaps                   holes in a stream (segments the capture missed) that were skipped
 * @param gapBytes               bytes in those holes
 * @param malformedHeaders       places where the bytes were not an MBAP header and framing resynchronised
 * @param discardedBytes         bytes dropped while resynchronising
 * @param incompleteAdus         ADUs cut off by a gap, the end of the connection or the end of the capture
 * @param adus                   complete ADUs framed
 * @param connections            connections followed
 * @param connectionsEvicted     connections forgotten because they were idle or the table was full
 */
public record TrafficStatistics(
        long segments, long segmentsOffModbusPorts, long retransmittedSegments, long retransmittedBytes,
        long gaps, long gapBytes, long malformedHeaders, long discardedBytes, long incompleteAdus, long adus,
        long connections, long connectionsEvicted) {
}
