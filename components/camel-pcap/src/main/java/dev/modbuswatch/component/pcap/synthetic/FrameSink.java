package dev.modbuswatch.component.pcap.synthetic;

import java.io.IOException;

/** Takes frames in capture order, e.g. a capture file writer. */
@FunctionalInterface
public interface FrameSink {

    void write(long epochSecond, int nanos, byte[] frame) throws IOException;
}
