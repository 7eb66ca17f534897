package dev.modbuswatch.component.pcap.packet;

/** Values of the IPv4 protocol and IPv6 next header fields (IANA protocol numbers) that frames here use. */
public final class IpProtocol {

    public static final int HOP_BY_HOP_OPTIONS = 0;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int AUTHENTICATION = 51;
    public static final int ICMPV6 = 58;
    public static final int NO_NEXT_HEADER = 59;
    public static final int DESTINATION_OPTIONS = 60;

    private IpProtocol() {
    }
}
