package dev.modbuswatch.component.pcap.packet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.modbuswatch.component.pcap.packet.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Frames from {@link FrameBuilder} come back out of {@link FrameDecoder} as the segment that went in. */
class FrameDecoderRoundTripTest {

    private final FrameDecoder decoder = new FrameDecoder();

    static Stream<Arguments> everyLinkTypeAndIpVersion() {
        return LINKS.stream().flatMap(link -> IntStream.of(4, 6)
                .filter(version -> carries(link, version))
                .mapToObj(version -> Arguments.of(link, version)));
    }

    @ParameterizedTest(name = "{0}, IPv{1}")
    @MethodSource("everyLinkTypeAndIpVersion")
    void decodesEveryLinkType(Link link, int ipVersion) throws Exception {
        byte[] frame = link.frame().apply(request(ipVersion));

        TcpSegment segment = decoder.decode(captured(link.linkType(), frame));

        assertRequest(segment, ipVersion);
        assertThat(segment.frame()).isSameAs(frame);
        assertThat(segment.payloadOffset() + segment.payloadLength()).isEqualTo(frame.length);
        assertThat(segment.epochSecond()).isEqualTo(EPOCH_SECOND);
        assertThat(segment.nanos()).isEqualTo(NANOS);
        assertThat(decoder.missingPayloadBytes()).isZero();
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @ValueSource(ints = {0x00, 0x02, 0x12, 0x11, 0x04, 0xFF})
    void readsAllEightFlagBits(int flags) throws Exception {
        TcpSegment segment = decodeEthernet(request(4).flags(flags).ethernet());

        assertThat(segment.flags()).isEqualTo(flags);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void readsTheSegmentAfterTcpOptions(int ipVersion) throws Exception {
        byte[] mssSackPermittedNopWindowScaleEnd = hex("020405b4 0402 01 030307 0000");
        byte[] frame = request(ipVersion).tcpOptions(mssSackPermittedNopWindowScaleEnd).ethernet();

        TcpSegment segment = decodeEthernet(frame);

        assertRequest(segment, ipVersion);
        assertThat(segment.payloadOffset()).isEqualTo(14 + (ipVersion == 4 ? 20 : 40) + 32);
    }

    @Test
    void neverTakesEthernetPaddingForPayload() throws Exception {
        byte[] pureAck = request(4).payload(new byte[0]).ethernet();
        byte[] twoBytes = request(4).payload(new byte[] {1, 2}).ethernet();

        assertThat(pureAck).hasSize(60);
        assertThat(decodeEthernet(pureAck).payloadLength()).isZero();
        assertThat(twoBytes).hasSize(60);
        assertThat(payload(decodeEthernet(twoBytes))).containsExactly(1, 2);
    }

    @Test
    void reportsThePayloadTheSnapshotLengthCutOff() throws Exception {
        byte[] payload = new byte[100];
        byte[] frame = request(4).payload(payload).ethernet();

        TcpSegment cut = decoder.decode(snapped(LinkType.ETHERNET, frame, 54 + 30));
        assertThat(cut.payloadLength()).isEqualTo(30);
        assertThat(decoder.missingPayloadBytes()).isEqualTo(70);

        TcpSegment headersOnly = decoder.decode(snapped(LinkType.ETHERNET, frame, 54));
        assertThat(headersOnly.payloadLength()).isZero();
        assertThat(decoder.missingPayloadBytes()).isEqualTo(100);

        decoder.decode(captured(LinkType.ETHERNET, frame));
        assertThat(decoder.missingPayloadBytes()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vlanTaggedFrames")
    void skipsVlanTags(String name, int linkType, byte[] frame, int payloadOffset) throws Exception {
        TcpSegment segment = decoder.decode(captured(linkType, frame));

        assertRequest(segment, 4);
        assertThat(segment.payloadOffset()).isEqualTo(payloadOffset);
    }

    static Stream<Arguments> vlanTaggedFrames() {
        byte[] legacyQinQ = request(4).vlan(100).vlan(42).ethernet();
        putShort(legacyQinQ, 12, 0x9100);
        return Stream.of(
                Arguments.of("802.1Q", LinkType.ETHERNET, request(4).vlan(42).ethernet(), 58),
                Arguments.of("802.1ad", LinkType.ETHERNET, request(4).serviceVlan(100).ethernet(), 58),
                Arguments.of("QinQ", LinkType.ETHERNET, request(4).serviceVlan(100).vlan(42).ethernet(), 62),
                Arguments.of("two 802.1Q tags", LinkType.ETHERNET, request(4).vlan(100).vlan(42).ethernet(), 62),
                Arguments.of("QinQ, TPID 0x9100", LinkType.ETHERNET, legacyQinQ, 62),
                Arguments.of("Linux SLL, 802.1Q", LinkType.LINUX_SLL, request(4).vlan(42).linuxSll(), 60),
                Arguments.of("Linux SLL2, QinQ", LinkType.LINUX_SLL2,
                        request(4).serviceVlan(100).vlan(42).linuxSll2(), 68));
    }

    @ParameterizedTest(name = "{0} bytes of options")
    @ValueSource(ints = {4, 40})
    void readsTheSegmentAfterIpv4Options(int optionsLength) throws Exception {
        byte[] options = new byte[optionsLength];
        options[0] = (byte) 0x94; // router alert
        options[1] = 4;
        TcpSegment segment = decodeEthernet(request(4).ipv4Options(options).ethernet());

        assertRequest(segment, 4);
        assertThat(segment.payloadOffset()).isEqualTo(14 + 20 + optionsLength + 20);
    }

    @ParameterizedTest(name = "next header {0}")
    @ValueSource(ints = {IpProtocol.HOP_BY_HOP_OPTIONS, IpProtocol.ROUTING, IpProtocol.DESTINATION_OPTIONS,
            IpProtocol.AUTHENTICATION})
    void walksEachIpv6ExtensionHeader(int nextHeader) throws Exception {
        TcpSegment segment = decodeEthernet(request(6).ipv6ExtensionHeader(nextHeader, 24).ethernet());

        assertRequest(segment, 6);
        assertThat(segment.payloadOffset()).isEqualTo(14 + 40 + 24 + 20);
    }

    @Test
    void walksAChainOfIpv6ExtensionHeaders() throws Exception {
        byte[] frame = request(6)
                .ipv6ExtensionHeader(IpProtocol.HOP_BY_HOP_OPTIONS, 8)
                .ipv6ExtensionHeader(IpProtocol.DESTINATION_OPTIONS, 16)
                .ipv6ExtensionHeader(IpProtocol.ROUTING, 24)
                .ipv6ExtensionHeader(IpProtocol.AUTHENTICATION, 24)
                .ethernet();

        TcpSegment segment = decodeEthernet(frame);

        assertRequest(segment, 6);
        assertThat(segment.payloadOffset()).isEqualTo(14 + 40 + 72 + 20);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void returnsAFirstFragmentAndSaysTheRestIsElsewhere(int ipVersion) throws Exception {
        TcpSegment segment = decodeEthernet(request(ipVersion).fragment(0, true).ethernet());

        assertRequest(segment, ipVersion);
        assertThat(decoder.missingPayloadBytes()).isEqualTo(FrameDecoder.REST_IN_LATER_FRAGMENTS);
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void ignoresLaterFragments(int ipVersion) throws Exception {
        assertThat(decodeEthernet(request(ipVersion).fragment(1480, true).ethernet())).isNull();
        assertThat(decodeEthernet(request(ipVersion).fragment(2960, false).ethernet())).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesWithoutTcp")
    void returnsNullForFramesWithoutTcp(String name, int linkType, byte[] frame) throws Exception {
        assertThat(decoder.decode(captured(linkType, frame))).isNull();
    }

    static Stream<Arguments> framesWithoutTcp() {
        byte[] arp = request(4).ethernet();
        putShort(arp, 12, 0x0806);
        byte[] ieee8023 = request(4).ethernet();
        putShort(ieee8023, 12, 46); // an 802.3 length, not an EtherType
        byte[] udp = request(4).ethernet();
        udp[14 + 9] = IpProtocol.UDP;
        byte[] icmpv6 = request(6).ethernet();
        icmpv6[14 + 6] = IpProtocol.ICMPV6;
        byte[] nothingAfterHopByHop = request(6).ipv6ExtensionHeader(IpProtocol.HOP_BY_HOP_OPTIONS, 8).ethernet();
        nothingAfterHopByHop[14 + 40] = IpProtocol.NO_NEXT_HEADER;
        byte[] sllArp = request(4).linuxSll();
        putShort(sllArp, 14, 0x0806);
        byte[] appleTalkLoopback = request(4).loopback(ByteOrder.BIG_ENDIAN);
        appleTalkLoopback[3] = 16;
        return Stream.of(
                Arguments.of("ARP", LinkType.ETHERNET, arp),
                Arguments.of("802.3", LinkType.ETHERNET, ieee8023),
                Arguments.of("UDP", LinkType.ETHERNET, udp),
                Arguments.of("ICMPv6", LinkType.ETHERNET, icmpv6),
                Arguments.of("IPv6 no next header", LinkType.ETHERNET, nothingAfterHopByHop),
                Arguments.of("Linux SLL ARP", LinkType.LINUX_SLL, sllArp),
                Arguments.of("loopback AppleTalk", LinkType.NULL, appleTalkLoopback));
    }

    @ParameterizedTest(name = "family {0}")
    @ValueSource(ints = {24, 28, 30})
    void knowsEachBsdNumberOfIpv6(int family) throws Exception {
        byte[] frame = request(6).loopback(ByteOrder.LITTLE_ENDIAN);
        frame[0] = (byte) family;

        assertRequest(decoder.decode(captured(LinkType.NULL, frame)), 6);
    }

    private TcpSegment decodeEthernet(byte[] frame) throws FrameDecodeException {
        return decoder.decode(captured(LinkType.ETHERNET, frame));
    }

    private static void assertRequest(TcpSegment segment, int ipVersion) {
        assertThat(segment).isNotNull();
        assertThat(segment.source()).isEqualTo(ipVersion == 4 ? CLIENT_V4 : CLIENT_V6);
        assertThat(segment.destination()).isEqualTo(ipVersion == 4 ? SERVER_V4 : SERVER_V6);
        assertThat(segment.sourcePort()).isEqualTo(CLIENT_PORT);
        assertThat(segment.destinationPort()).isEqualTo(SERVER_PORT);
        assertThat(segment.sequence()).isEqualTo(SEQUENCE);
        assertThat(segment.acknowledgement()).isEqualTo(ACKNOWLEDGEMENT);
        assertThat(segment.flags()).isEqualTo(FLAGS);
        assertThat(payload(segment)).isEqualTo(READ_COILS);
    }
}
