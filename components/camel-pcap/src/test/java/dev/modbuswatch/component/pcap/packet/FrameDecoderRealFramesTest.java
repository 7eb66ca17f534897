package dev.modbuswatch.component.pcap.packet;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static dev.modbuswatch.component.pcap.packet.TestFrames.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames from the shared captures in /work/shared/pcaps, copied from {@code tshark -x}; the expected values are
 * what {@code tshark -T fields -e tcp.seq_raw -e tcp.ack_raw ...} printed for the same frames.
 */
class FrameDecoderRealFramesTest {

    private static final byte[] LOCALHOST = {127, 0, 0, 1};

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void decodesAVlanTaggedModbusRequest() throws Exception {
        // variants/modbus_example-vlan42.pcap, frame 4: 802.1Q VLAN 42, TCP with timestamp options
        byte[] frame = hex("""
                0000000000000000000000008100002a080045000040675c40004006d5597f0000017f000001baa901f6a7524ccc\
                b1b4b8f480180200b42400000101080aa7c5a9c2a7c5a9c2000100000006040100010001""");

        TcpSegment segment = decoder.decode(captured(LinkType.ETHERNET, frame));

        assertThat(segment.source()).isEqualTo(InetAddress.getByAddress(LOCALHOST));
        assertThat(segment.destination()).isEqualTo(InetAddress.getByAddress(LOCALHOST));
        assertThat(segment.sourcePort()).isEqualTo(47785);
        assertThat(segment.destinationPort()).isEqualTo(502);
        assertThat(segment.sequence()).isEqualTo(2807188684L);
        assertThat(segment.acknowledgement()).isEqualTo(2981411060L);
        assertThat(segment.flags()).isEqualTo(TcpSegment.PSH | TcpSegment.ACK);
        assertThat(payload(segment)).isEqualTo(hex("000100000006040100010001"));
    }

    @Test
    void decodesALinuxCookedModbusResponse() throws Exception {
        // variants/modbus_example-sll.pcap, frame 6
        byte[] frame = hex("""
                000000010006000000000000000008004500003eebec4000400650cb7f0000017f00000101f6baa9b1b4b8f4a7524cd8\
                80180200fe3200000101080aa7c5a9c2a7c5a9c200010000000404010101""");

        TcpSegment segment = decoder.decode(captured(LinkType.LINUX_SLL, frame));

        assertThat(segment.sourcePort()).isEqualTo(502);
        assertThat(segment.destinationPort()).isEqualTo(47785);
        assertThat(segment.sequence()).isEqualTo(2981411060L);
        assertThat(segment.acknowledgement()).isEqualTo(2807188696L);
        assertThat(segment.flags()).isEqualTo(TcpSegment.PSH | TcpSegment.ACK);
        assertThat(payload(segment)).isEqualTo(hex("00010000000404010101"));
    }

    @Test
    void leavesOutTheEthernetPaddingOfARealFinAck() throws Exception {
        // ITI-ICS-Security-Tools/modbus_test_data_part1.pcap, frame 1: 54 bytes of headers, 6 of padding
        byte[] frame = hex("""
                0002b3ce705100207800620d080045000028857f4000800661150a0000390a000003095301f6ab638ec491f9de59\
                5011fa63eb6f0000000000000000""");

        TcpSegment segment = decoder.decode(captured(LinkType.ETHERNET, frame));

        assertThat(segment.source()).isEqualTo(InetAddress.getByAddress(new byte[] {10, 0, 0, 57}));
        assertThat(segment.destination()).isEqualTo(InetAddress.getByAddress(new byte[] {10, 0, 0, 3}));
        assertThat(segment.sourcePort()).isEqualTo(2387);
        assertThat(segment.destinationPort()).isEqualTo(502);
        assertThat(segment.sequence()).isEqualTo(2875428548L);
        assertThat(segment.acknowledgement()).isEqualTo(2449071705L);
        assertThat(segment.flags()).isEqualTo(TcpSegment.FIN | TcpSegment.ACK);
        assertThat(segment.payloadLength()).isZero();
    }
}
