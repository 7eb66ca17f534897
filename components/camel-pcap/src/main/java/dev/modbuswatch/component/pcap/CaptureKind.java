package dev.modbuswatch.component.pcap;

/** Where a pcap endpoint reads from. */
public enum CaptureKind {
    /** A pcap or pcapng file, read once to its end. */
    file,
    /** A network interface, captured until the route stops. */
    live
}
