package dev.modbuswatch.component.pcap.packet;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.modbuswatch.component.pcap.packet.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each broken frame fails with a message that names the layer and what is wrong with it. */
class FrameDecoderErrorTest {

    private static final int IPV4 = 14;        // where the IP header starts in an untagged Ethernet frame
    private static final int TCP_AFTER_IPV4 = 34;

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFrames")
    void namesWhatIsWrong(CapturedFrame frame, String message) {
        assertThatThrownBy(() -> new FrameDecoder().decode(frame))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> brokenFrames() {
        return Stream.of(
                broken(captured(105, request(4).ethernet()), "unsupported link type 105"),

                // link layers
                broken(snapped(LinkType.ETHERNET, request(4).ethernet(), 10),
                        "frame truncated in Ethernet header: 10 of 14 bytes captured"),
                broken(snapped(LinkType.ETHERNET, request(4).vlan(42).ethernet(), 16),
                        "frame truncated in VLAN tag: 2 of 4 bytes captured"),
                broken(snapped(LinkType.LINUX_SLL, request(4).linuxSll(), 12),
                        "frame truncated in Linux SLL header: 12 of 16 bytes captured"),
                broken(snapped(LinkType.LINUX_SLL2, request(4).linuxSll2(), 19),
                        "frame truncated in Linux SLL2 header: 19 of 20 bytes captured"),
                broken(snapped(LinkType.NULL, request(4).loopback(ByteOrder.LITTLE_ENDIAN), 3),
                        "frame truncated in loopback header: 3 of 4 bytes captured"),
                broken(snapped(LinkType.RAW, request(4).ip(), 0),
                        "frame truncated in IP header: 0 of 1 bytes captured"),
                broken(captured(LinkType.RAW, changed(request(4).ip(), f -> f[0] = 0x55)),
                        "raw IP packet has version 5, neither 4 nor 6"),

                // IPv4
                broken(snapped(LinkType.ETHERNET, request(4).ethernet(), IPV4 + 14),
                        "frame truncated in IPv4 header: 14 of 20 bytes captured"),
                broken(captured(LinkType.IPV4, request(6).ip()), "IPv4 header has version 6"),
                broken(ethernet4(f -> f[IPV4] = 0x43), "IPv4 header length 12 < 20"),
                broken(snapped(LinkType.ETHERNET, request(4).ipv4Options(new byte[4]).ethernet(), IPV4 + 22),
                        "frame truncated in IPv4 header: 22 of 24 bytes captured"),
                broken(ethernet4(f -> putShort(f, IPV4 + 2, 16)), "IPv4 total length 16 < header length 20"),

                // IPv6
                broken(snapped(LinkType.ETHERNET, request(6).ethernet(), IPV4 + 30),
                        "frame truncated in IPv6 header: 30 of 40 bytes captured"),
                broken(captured(LinkType.IPV6, request(4).ip()), "IPv6 header has version 4"),
                broken(ethernet6(f -> putShort(f, IPV4 + 4, 0)), "IPv6 payload length 0 (jumbogram) is not supported"),
                broken(captured(LinkType.ETHERNET, changed(routed().payload(new byte[0]).ethernet(),
                                f -> f[IPV4 + 40 + 1] = 10)),
                        "IPv6 routing header runs past the end of the IPv6 packet: 36 of 88 bytes"),
                broken(snapped(LinkType.ETHERNET, routed().ethernet(), IPV4 + 40 + 4),
                        "frame truncated in IPv6 routing header: 4 of 8 bytes captured"),
                broken(snapped(LinkType.ETHERNET, routed().ethernet(), IPV4 + 40 + 12),
                        "frame truncated in IPv6 routing header: 12 of 16 bytes captured"),

                // TCP
                broken(snapped(LinkType.ETHERNET, request(4).ethernet(), TCP_AFTER_IPV4 + 14),
                        "frame truncated in TCP header: 14 of 20 bytes captured"),
                broken(ethernet4(f -> f[TCP_AFTER_IPV4 + 12] = 0x40), "TCP data offset 4 < 5"),
                broken(captured(LinkType.ETHERNET, changed(request(4).payload(new byte[0]).ethernet(),
                                f -> f[TCP_AFTER_IPV4 + 12] = (byte) 0xF0)),
                        "TCP header runs past the end of the IPv4 packet: 20 of 60 bytes"),
                broken(snapped(LinkType.ETHERNET, request(4).tcpOptions(new byte[12]).ethernet(), TCP_AFTER_IPV4 + 24),
                        "frame truncated in TCP header: 24 of 32 bytes captured"),
                broken(ethernet4(f -> putShort(f, IPV4 + 2, 20 + 12)),
                        "TCP header runs past the end of the IPv4 packet: 12 of 20 bytes"),
                broken(captured(LinkType.ETHERNET, changed(request(4).fragment(0, true).ethernet(),
                                f -> putShort(f, IPV4 + 2, 20 + 12))),
                        "TCP header runs past the end of the IPv4 fragment: 12 of 20 bytes"),
                broken(captured(LinkType.ETHERNET, changed(request(6).fragment(0, true).ethernet(),
                                f -> putShort(f, IPV4 + 4, 8 + 12))),
                        "TCP header runs past the end of the IPv6 fragment: 12 of 20 bytes"));
    }

    /** An IPv6 request with a 16-byte routing header. */
    private static FrameBuilder routed() {
        return request(6).ipv6ExtensionHeader(IpProtocol.ROUTING, 16);
    }

    private static CapturedFrame ethernet4(Consumer<byte[]> change) {
        return captured(LinkType.ETHERNET, changed(request(4).ethernet(), change));
    }

    private static CapturedFrame ethernet6(Consumer<byte[]> change) {
        return captured(LinkType.ETHERNET, changed(request(6).ethernet(), change));
    }

    private static byte[] changed(byte[] frame, Consumer<byte[]> change) {
        change.accept(frame);
        return frame;
    }

    private static Arguments broken(CapturedFrame frame, String message) {
        return Arguments.of(frame, message);
    }
}
