package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CaptureFileReader;
import dev.modbuswatch.component.pcap.capture.CapturedFrame;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a pcap or pcapng file in pure Java (faster than libpcap through JNA), applying a BPF filter through libpcap
 * only when one is given.
 */
public final class CaptureFileSource implements FrameSource {

    private final CaptureFileReader reader;
    private final String filter;
    private final int snaplen;
    private BpfFrameFilter bpf;
    private int bpfLinkType = -1;
    private boolean exhausted;

    /** @param filter a BPF expression, or null to keep every frame */
    public CaptureFileSource(Path file, String filter, int snaplen) throws IOException {
        this.reader = CaptureFileReader.open(file);
        this.filter = filter;
        this.snaplen = snaplen;
    }

    @Override
    public CapturedFrame next() throws IOException {
        CapturedFrame frame;
        do {
            frame = reader.next();
            if (frame == null) {
                exhausted = true;
                return null;
            }
        } while (filter != null && !filter(frame.linkType()).accepts(frame));
        return frame;
    }

    private BpfFrameFilter filter(int linkType) throws LibpcapException {
        if (linkType != bpfLinkType) {
            if (bpf != null) {
                bpf.close();
            }
            bpf = new BpfFrameFilter(filter, linkType, snaplen);
            bpfLinkType = linkType;
        }
        return bpf;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public long truncatedAt() {
        return reader.truncatedAt().orElse(-1);
    }

    @Override
    public double progress() {
        return reader.size() == 0 ? 1 : (double) reader.position() / reader.size();
    }

    @Override
    public void close() throws IOException {
        if (bpf != null) {
            bpf.close();
        }
        reader.close();
    }
}
