package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;

import java.io.IOException;
import java.sql.Timestamp;

/**
 * Captures from a network interface through libpcap. Non-blocking, because pcap4j's blocking read ignores the read
 * timeout and would never return on a quiet network, which would keep the consumer from stopping.
 */
public final class LiveInterfaceSource implements FrameSource {

    private final PcapHandle handle;
    private final int linkType;
    private long droppedAtClose = -1;

    public LiveInterfaceSource(String interfaceName, String filter, int snaplen, boolean promiscuous,
                               int readTimeoutMillis, int bufferSize) throws IOException {
        handle = Libpcap.call("opening interface " + interfaceName, () -> new PcapHandle.Builder(interfaceName)
                .snaplen(snaplen)
                .promiscuousMode(promiscuous ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                        : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(readTimeoutMillis)
                .bufferSize(bufferSize)
                .build());
        linkType = handle.getDlt().value();
        Libpcap.configure(handle, "configuring capture on " + interfaceName + " with filter '" + filter + "'",
                configured -> {
                    configured.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
                    configured.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
                });
    }

    @Override
    public CapturedFrame next() throws IOException {
        try {
            byte[] data = handle.getNextRawPacket();
            if (data == null) {
                return null;
            }
            Timestamp time = handle.getTimestamp();
            return new CapturedFrame(linkType, Math.floorDiv(time.getTime(), 1000), time.getNanos(),
                    handle.getOriginalLength(), data);
        } catch (NotOpenException e) {
            throw new IOException("capture handle closed", e);
        }
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    /** libpcap's drop counters; after {@link #close()}, their last value. */
    @Override
    public long packetsDropped() {
        if (!handle.isOpen()) {
            return droppedAtClose;
        }
        try {
            PcapStat stats = handle.getStats();
            return stats.getNumPacketsDropped() + stats.getNumPacketsDroppedByIf();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        droppedAtClose = packetsDropped();
        handle.close();
    }
}
