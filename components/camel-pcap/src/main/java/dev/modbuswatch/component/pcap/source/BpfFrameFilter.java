package dev.modbuswatch.component.pcap.source;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A BPF filter compiled by libpcap and applied to frames read without libpcap. */
final class BpfFrameFilter implements Closeable {

    private final BpfProgram program;

    BpfFrameFilter(String expression, int linkType, int snaplen) throws LibpcapException {
        program = Libpcap.call("compiling filter '" + expression + "'", () -> Pcaps.compileFilter(
                snaplen, DataLinkType.getInstance(linkType), expression, BpfProgram.BpfCompileMode.OPTIMIZE,
                anyNetmask()));
    }

    boolean accepts(CapturedFrame frame) {
        return program.applyFilter(frame.data(), frame.originalLength(), frame.data().length);
    }

    @Override
    public void close() {
        program.free();
    }

    /** 0.0.0.0: the filter has no broadcast address to compare with. */
    private static Inet4Address anyNetmask() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
