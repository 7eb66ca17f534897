package dev.modbuswatch.component.pcap;

/** Which code reads capture files. */
public enum CaptureReader {
    /** The project's pure-Java pcap/pcapng reader: the fast default, checked equal to libpcap on real captures. */
    java,
    /** libpcap through pcap4j. */
    libpcap
}
