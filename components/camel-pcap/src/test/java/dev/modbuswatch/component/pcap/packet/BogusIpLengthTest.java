package dev.modbuswatch.component.pcap.packet;

import dev.modbuswatch.component.pcap.capture.CapturedFrame;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** An IP length field claiming more than the frame carried (seen in zeek's fuzz-72 trace) costs no payload. */
class BogusIpLengthTest {

    private static final int IP = 14;

    @Test
    void ipv4TotalLengthBeyondTheFrameIsCutToTheFrame() throws Exception {
        byte[] frame = FrameBuilder.tcp(InetAddress.getByName("10.0.0.1"), 2582, InetAddress.getByName("10.0.0.2"), 502)
                .payload(new byte[12]).ethernet();
        frame[IP + 2] = (byte) 0x89;
        frame[IP + 3] = 0x34;

        FrameDecoder decoder = new FrameDecoder();
        TcpSegment segment = decoder.decode(new CapturedFrame(1, 0, 0, frame.length, frame));

        assertThat(segment.payloadLength()).isEqualTo(12);
        assertThat(decoder.missingPayloadBytes()).isZero();
    }

    @Test
    void ipv6PayloadLengthBeyondTheFrameIsCutToTheFrame() throws Exception {
        byte[] frame = FrameBuilder.tcp(InetAddress.getByName("2001:db8::1"), 2582, InetAddress.getByName("2001:db8::2"),
                502).payload(new byte[12]).ethernet();
        frame[IP + 4] = 0x10;

        FrameDecoder decoder = new FrameDecoder();
        TcpSegment segment = decoder.decode(new CapturedFrame(1, 0, 0, frame.length, frame));

        assertThat(segment.payloadLength()).isEqualTo(12);
    }
}
