package dev.modbuswatch.event;

import dev.modbuswatch.component.pcap.TcpConnection;

import java.net.InetAddress;
import java.util.Map;

/** The IP and TCP fields of an event, named as NXLog's im_pcap names them. */
final class NetworkFields {

    private NetworkFields() {
    }

    /** @param fromServer whether the bytes went from the server to the client */
    static void append(TcpConnection connection, boolean fromServer, Map<String, String> event) {
        boolean ipv6 = connection.isIpv6();
        InetAddress source = fromServer ? connection.server() : connection.client();
        InetAddress destination = fromServer ? connection.client() : connection.server();
        event.put(ipv6 ? "ipv6.src" : "ipv4.src", IpAddressText.of(source));
        event.put(ipv6 ? "ipv6.dst" : "ipv4.dst", IpAddressText.of(destination));
        event.put("tcp.src_port", Integer.toString(fromServer ? connection.serverPort() : connection.clientPort()));
        event.put("tcp.dst_port", Integer.toString(fromServer ? connection.clientPort() : connection.serverPort()));
    }
}
