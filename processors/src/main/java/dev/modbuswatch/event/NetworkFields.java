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
        String ip = connection.isIpv6() ? "ipv6." : "ipv4.";
        InetAddress source = fromServer ? connection.server() : connection.client();
        InetAddress destination = fromServer ? connection.client() : connection.server();
        event.put(ip + "src", IpAddressText.of(source));
        event.put(ip + "dst", IpAddressText.of(destination));
        event.put("tcp.src_port", Integer.toString(fromServer ? connection.serverPort() : connection.clientPort()));
        event.put("tcp.dst_port", Integer.toString(fromServer ? connection.clientPort() : connection.serverPort()));
    }
}
