package dev.modbuswatch.component.pcap;

import org.apache.camel.spi.Metadata;

/** Headers set by the pcap consumer. */
public final class PcapConstants {

    @Metadata(description = "What the message carries: `ADUS` (body: a `List<ModbusAdu>` in capture order),"
            + " `ANOMALY` (body: a `StreamAnomaly`; kind `CAPTURE_GAP`, with no connection, when a live capture"
            + " missed traffic: its interface was unavailable, or the kernel dropped packets; it comes before anything"
            + " captured after the gap), `TICK` (live capture only, once a second while no packets come and the"
            + " interface is not out: wall-clock time moved on, in header CamelPcapTime) or `END_OF_CAPTURE` (empty body; the capture"
            + " file is exhausted, the consumer stopped, or capture failed, so routes can flush what is pending).",
              javaType = "String")
    public static final String MESSAGE_TYPE = "CamelPcapMessageType";
    @Metadata(description = "The capture file path or the interface name.", javaType = "String")
    public static final String SOURCE = "CamelPcapSource";
    @Metadata(description = "On END_OF_CAPTURE: counters of the whole capture.",
              javaType = "dev.modbuswatch.component.pcap.CaptureStatistics")
    public static final String STATISTICS = "CamelPcapStatistics";
    @Metadata(description = "On END_OF_CAPTURE: why capture stopped early (unreadable file, missing libpcap, ...);"
            + " absent when the capture ended normally.", javaType = "String")
    public static final String FAILURE = "CamelPcapFailure";

    @Metadata(description = "On TICK: the time, in nanoseconds since the epoch.", javaType = "Long")
    public static final String TIME = "CamelPcapTime";

    public static final String TYPE_ADUS = "ADUS";
    public static final String TYPE_TICK = "TICK";
    public static final String TYPE_ANOMALY = "ANOMALY";
    public static final String TYPE_END_OF_CAPTURE = "END_OF_CAPTURE";

    private PcapConstants() {
    }
}
