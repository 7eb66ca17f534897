package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.concurrent.TimeoutException;

/** Reads a capture file through libpcap, for comparison with the pure-Java reader and for libpcap-only formats. */
public final class LibpcapFileSource implements FrameSource {

    private final PcapHandle handle;
    private final int linkType;
    private boolean exhausted;

    /** @param filter a BPF expression, or null to keep every frame */
    public LibpcapFileSource(Path file, String filter) throws IOException {
        handle = Libpcap.call("opening " + file,
                () -> Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO));
        linkType = handle.getDlt().value();
        if (filter != null) {
            Libpcap.configure(handle, "setting filter '" + filter + "'",
                    configured -> configured.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE));
        }
    }

    @Override
    public CapturedFrame next() throws IOException {
        try {
            byte[] data = handle.getNextRawPacketEx();
            Timestamp time = handle.getTimestamp();
            return new CapturedFrame(linkType, Math.floorDiv(time.getTime(), 1000), time.getNanos(),
                    handle.getOriginalLength(), data);
        } catch (EOFException e) {
            exhausted = true;
            return null;
        } catch (TimeoutException e) {
            return null;
        } catch (PcapNativeException | NotOpenException e) {
            throw new LibpcapException("reading capture: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public void close() {
        handle.close();
    }
}
