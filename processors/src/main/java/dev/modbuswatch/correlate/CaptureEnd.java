package dev.modbuswatch.correlate;

import dev.modbuswatch.component.pcap.CaptureKind;
import dev.modbuswatch.component.pcap.PcapEndpoint;
import org.apache.camel.Exchange;

/**
 * What the end of a capture (its END_OF_CAPTURE message) means for pending requests. The end of a capture file ends
 * them all: nothing more will come. A live capture that stops (a route reload, a shutdown) does not end the traffic,
 * only the sensor's view of it: pending requests stay pending, for the routes that replace these or for the state the
 * next start restores, marked as pending while the sensor was blind.
 */
public final class CaptureEnd {

    private final CaptureClock clock;
    private final UnseenTraffic unseenTraffic;

    public CaptureEnd(CaptureClock clock, UnseenTraffic unseenTraffic) {
        this.clock = clock;
        this.unseenTraffic = unseenTraffic;
    }

    public void ended(Exchange endOfCapture) {
        if (endOfCapture.getFromEndpoint() instanceof PcapEndpoint capture && capture.getKind() == CaptureKind.live) {
            unseenTraffic.blindAt(System.currentTimeMillis() * 1_000_000L);
        } else {
            clock.completeAll();
        }
    }
}
