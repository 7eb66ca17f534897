package dev.modbuswatch.component.pcap;

import dev.modbuswatch.component.pcap.tcp.TrafficStatistics;

/**
 * Counters of one capture.
 *
 * @param frames          frames read from the file or interface
 * @param framesNotTcp    frames that were valid but carried no TCP segment
 * @param framesMalformed frames whose link, IP or TCP header could not be decoded
 * @param packetsDropped  packets the kernel or the interface dropped (live capture, read every few seconds and at the
 *                        end, over every reopening of the interface; 0 for files)
 * @param truncatedAt     byte offset where the capture file was cut short, or -1
 * @param outages         times a live capture's interface was unavailable ({@link CaptureOutages#NONE} for files)
 */
public record CaptureStatistics(long frames, long framesNotTcp, long framesMalformed, long packetsDropped,
                                long truncatedAt, TrafficStatistics traffic, CaptureOutages outages) {
}
