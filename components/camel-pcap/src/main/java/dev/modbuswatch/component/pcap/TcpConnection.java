package dev.modbuswatch.component.pcap;

import java.net.Inet6Address;
import java.net.InetAddress;

/** A TCP connection between a Modbus client and a server, named from the server's side by its port. */
public record TcpConnection(InetAddress client, int clientPort, InetAddress server, int serverPort) {

    public boolean isIpv6() {
        return client instanceof Inet6Address;
    }
}
