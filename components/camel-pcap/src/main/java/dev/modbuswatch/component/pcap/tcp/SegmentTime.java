package dev.modbuswatch.component.pcap.tcp;

/** Capture time and TCP flags of the segment whose bytes are being framed. */
record SegmentTime(long epochSecond, int nanos, int flags) {
}
