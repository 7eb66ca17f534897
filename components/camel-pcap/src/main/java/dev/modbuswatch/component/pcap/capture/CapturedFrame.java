package dev.modbuswatch.component.pcap.capture;

/**
 * One link-layer frame as stored in a capture file or delivered by libpcap.
 *
 * @param linkType       the LINKTYPE_ value of the interface the frame was captured on
 * @param epochSecond    capture time, seconds since the Unix epoch
 * @param nanos          capture time, nanoseconds within the second
 * @param originalLength length of the frame on the wire; larger than {@code data.length} when the snapshot length cut it
 * @param data           the captured bytes (the frame owns this array)
 */
public record CapturedFrame(int linkType, long epochSecond, int nanos, int originalLength, byte[] data) {
}
