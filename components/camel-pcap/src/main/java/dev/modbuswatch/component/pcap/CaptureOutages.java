package dev.modbuswatch.component.pcap;

import java.time.Instant;

/**
 * Times a live capture could not capture because its interface failed (deleted, down, libpcap error).
 *
 * @param count      outages so far, the current one included
 * @param totalMillis how long they lasted together, the current one up to now
 * @param lastStart  when the last outage began, or null if there was none
 * @param lastEnd    when the last outage ended, or null if there was none or it still lasts
 */
public record CaptureOutages(long count, long totalMillis, Instant lastStart, Instant lastEnd) {

    public static final CaptureOutages NONE = new CaptureOutages(0, 0, null, null);
}
