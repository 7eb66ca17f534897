package dev.modbuswatch.component.pcap.source;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;

/** Turns the ways pcap4j fails when libpcap is missing or refuses into one clear message. */
final class Libpcap {

    static final String INSTALL_HINT = "libpcap could not be loaded; install it with scripts/install-prerequisites.sh"
            + " (Debian/Ubuntu package libpcap0.8)";

    interface NativeCall<T> {
        T call() throws PcapNativeException;
    }

    interface HandleSetup {
        void apply(PcapHandle handle) throws PcapNativeException, NotOpenException;
    }

    /** Configures an open handle (filter, blocking mode); on failure the handle is closed, not leaked. */
    static void configure(PcapHandle handle, String what, HandleSetup setup) throws LibpcapException {
        try {
            call(what, () -> {
                try {
                    setup.apply(handle);
                } catch (NotOpenException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (LibpcapException e) {
            handle.close();
            throw e;
        }
    }

    static <T> T call(String what, NativeCall<T> call) throws LibpcapException {
        try {
            return call.call();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new LibpcapException(what + ": " + INSTALL_HINT, e);
        } catch (PcapNativeException e) {
            throw new LibpcapException(what + ": " + e.getMessage(), e);
        }
    }

    private Libpcap() {
    }
}
