package dev.modbuswatch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.component.pcap.TcpConnection;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Addresses and ports of an event: source and destination follow the direction of the bytes. */
class NetworkFieldsTest {

    private static final TcpConnection IPV4 =
            new TcpConnection(address("192.168.56.10"), 39565, address("192.168.56.20"), 502);
    private static final TcpConnection IPV6 =
            new TcpConnection(address("fd00:56::10"), 50123, address("fd00:56::20"), 1502);

    @Test
    void aRequestGoesFromTheClientToTheServer() {
        Map<String, String> event = new LinkedHashMap<>();

        NetworkFields.append(IPV4, false, event);

        assertThat(event).containsExactly(
                entry("ipv4.src", "192.168.56.10"),
                entry("ipv4.dst", "192.168.56.20"),
                entry("tcp.src_port", "39565"),
                entry("tcp.dst_port", "502"));
    }

    @Test
    void aResponseGoesFromTheServerToTheClient() {
        Map<String, String> event = new LinkedHashMap<>();

        NetworkFields.append(IPV4, true, event);

        assertThat(event).containsExactly(
                entry("ipv4.src", "192.168.56.20"),
                entry("ipv4.dst", "192.168.56.10"),
                entry("tcp.src_port", "502"),
                entry("tcp.dst_port", "39565"));
    }

    @Test
    void ipv6AddressesGiveIpv6Fields() {
        Map<String, String> request = new LinkedHashMap<>();
        Map<String, String> response = new LinkedHashMap<>();

        NetworkFields.append(IPV6, false, request);
        NetworkFields.append(IPV6, true, response);

        // Java's InetAddress text form: every group, no "::" compression.
        assertThat(request).containsExactly(
                entry("ipv6.src", "fd00:56::10"),
                entry("ipv6.dst", "fd00:56::20"),
                entry("tcp.src_port", "50123"),
                entry("tcp.dst_port", "1502"));
        assertThat(response).containsExactly(
                entry("ipv6.src", "fd00:56::20"),
                entry("ipv6.dst", "fd00:56::10"),
                entry("tcp.src_port", "1502"),
                entry("tcp.dst_port", "50123"));
    }

    @Test
    void portsAreUnsignedDecimal() {
        Map<String, String> event = new LinkedHashMap<>();

        NetworkFields.append(new TcpConnection(address("10.0.0.1"), 65535, address("10.0.0.2"), 502), false, event);

        assertThat(event).containsEntry("tcp.src_port", "65535").containsEntry("tcp.dst_port", "502");
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
