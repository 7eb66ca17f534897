package dev.modbuswatch.it;

import dev.modbuswatch.component.pcap.Await;
import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.PcapConstants;
import dev.modbuswatch.component.pcap.PcapConsumer;
import dev.modbuswatch.component.pcap.source.LiveInterfaceSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HexFormat;
import java.util.List;

import static dev.modbuswatch.component.pcap.synthetic.ModbusTcpConversation.adu;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures for real on the loopback interface while a Modbus/TCP client and server in this test talk on a high port,
 * and checks the decoded ADUs. Skipped, saying why, where capture is not permitted or libpcap is missing.
 */
class LiveCaptureIT extends CamelTestSupport {

    private static final String LOOPBACK = "lo";

    @Test
    @Timeout(60)
    void capturesAClientAndServerTalkingOnLoopback() throws Exception {
        assumeCapturePermitted();
        try (LoopbackModbusServer server = new LoopbackModbusServer()) {
            String uri = "pcap:live:" + LOOPBACK + "?ports=" + server.port() + "&batchLinger=10";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("live").to("mock:live");
                }
            });
            PcapConsumer consumer = (PcapConsumer) context.getRoute("live").getConsumer();
            Await.until("the capture to start", consumer::isCapturing);

            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                client.setSoTimeout(10_000);
                exchange(client, adu(1, 10, hex("03 0000 0003")), 2 + 6);
                exchange(client, adu(2, 10, hex("10 001f 0003 06 0061 0062 0063")), 2);
            }
            Await.until("four ADUs", () -> adus().size() >= 4);

            List<ModbusAdu> adus = adus();
            assertThat(adus).extracting(ModbusAdu::transactionId).containsExactly(1, 1, 2, 2);
            assertThat(adus).extracting(ModbusAdu::fromServer).containsExactly(false, true, false, true);
            assertThat(adus).allSatisfy(adu -> {
                assertThat(adu.unitId()).isEqualTo(10);
                assertThat(adu.connection().serverPort()).isEqualTo(server.port());
                assertThat(adu.connection().server()).isEqualTo(InetAddress.getLoopbackAddress());
            });
            assertThat(adus.get(1).pdu()).containsExactly(hex("03 06 0000 0001 0002"));
            assertThat(adus.get(3).pdu()).containsExactly(hex("90 02"));
            assertThat(consumer.getPacketsDropped()).as("libpcap's drop counter").isZero();
            Await.until("a TICK while no packets come, so timeouts follow wall-clock time",
                    () -> getMockEndpoint("mock:live").getExchanges().stream().anyMatch(e -> PcapConstants.TYPE_TICK
                            .equals(e.getMessage().getHeader(PcapConstants.MESSAGE_TYPE))));
        }
    }

    private static void assumeCapturePermitted() {
        try (LiveInterfaceSource probe = new LiveInterfaceSource(LOOPBACK, "tcp port 1", 65535, false, 10, 1 << 20)) {
            probe.next();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "live capture on " + LOOPBACK + " is not possible here (" + e.getMessage()
                    + "); run as root or give java CAP_NET_RAW and CAP_NET_ADMIN to run this test");
        }
    }

    private List<ModbusAdu> adus() {
        return getMockEndpoint("mock:live").getExchanges().stream()
                .filter(e -> PcapConstants.TYPE_ADUS.equals(e.getMessage().getHeader(PcapConstants.MESSAGE_TYPE)))
                .map(Exchange::getMessage).flatMap(m -> m.getBody(List.class).stream())
                .map(ModbusAdu.class::cast).toList();
    }

    /** Sends a request and reads the response: the 7-byte MBAP header (unit included) and the PDU. */
    private static void exchange(Socket client, byte[] request, int responsePduLength) throws IOException {
        new DataOutputStream(client.getOutputStream()).write(request);
        new DataInputStream(client.getInputStream()).readFully(new byte[7 + responsePduLength]);
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }
}
