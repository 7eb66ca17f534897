package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;

import java.io.EOFException;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;

/**
 * Captures from a network interface through libpcap. Non-blocking, because pcap4j's blocking read ignores the read
 * timeout and would never return on a quiet network, which would keep the consumer from stopping. A read error (the
 * interface was deleted: libpcap says "The interface disappeared") is thrown as a {@link LibpcapException} in
 * libpcap's words; an interface that was only taken down gives no error in this mode, so {@link #checkHealth()} asks
 * the operating system.
 */
public final class LiveInterfaceSource implements FrameSource {

    /** DLT_EN10MB. */
    private static final int ETHERNET = 1;

    private final String interfaceName;
    private final PcapHandle handle;
    private final int linkType;
    private long droppedAtClose = -1;

    public LiveInterfaceSource(String interfaceName, String filter, int snaplen, boolean promiscuous,
                               int readTimeoutMillis, int bufferSize) throws IOException {
        this.interfaceName = interfaceName;
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

    /**
     * Fails when live capture can never work with these settings, whatever the interface: libpcap cannot be loaded, or
     * {@code filter} does not compile (checked for Ethernet, the link type of nearly every capture interface).
     */
    public static void checkSettings(String filter, int snaplen) throws LibpcapException {
        new BpfFrameFilter(filter, ETHERNET, snaplen).close();
    }

    @Override
    public CapturedFrame next() throws IOException {
        try {
            byte[] data = handle.getNextRawPacketEx();
            Timestamp time = handle.getTimestamp();
            return new CapturedFrame(linkType, Math.floorDiv(time.getTime(), 1000), time.getNanos(),
                    handle.getOriginalLength(), data);
        } catch (TimeoutException e) {
            return null;
        } catch (PcapNativeException e) {
            throw new LibpcapException(libpcapError(e), e);
        } catch (EOFException e) {
            throw new LibpcapException("libpcap ended the capture", e);
        } catch (NotOpenException e) {
            throw new IOException("capture handle closed", e);
        }
    }

    private String libpcapError(PcapNativeException e) {
        try {
            String error = handle.getError();
            return error == null || error.isBlank() ? e.getMessage() : error;
        } catch (NotOpenException closed) {
            return e.getMessage();
        }
    }

    /**
     * Throws when the operating system says the interface is down. An interface it does not know (deleted, or a
     * libpcap pseudo-device such as {@code any}) is left to libpcap, which reports a deleted one on the next read.
     */
    @Override
    public void checkHealth() throws IOException {
        boolean down;
        try {
            NetworkInterface known = NetworkInterface.getByName(interfaceName);
            down = known != null && !known.isUp();
        } catch (SocketException e) {
            return;
        }
        if (down) {
            throw new IOException("the interface is down");
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
