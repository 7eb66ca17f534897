package dev.modbuswatch.output.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** RFC 5426: one message per datagram, nothing around it. */
public final class UdpTransport implements SyslogTransport {

    /** The largest UDP payload over IPv4. */
    public static final int MAX_DATAGRAM = 65_507;

    private final DatagramSocket socket;

    private UdpTransport(DatagramSocket socket) {
        this.socket = socket;
    }

    public static Connector connector(String host, int port) {
        return new Connector() {
            @Override
            public SyslogTransport connect() throws IOException {
                DatagramSocket socket = new DatagramSocket();
                try {
                    socket.connect(new InetSocketAddress(host, port));
                } catch (RuntimeException e) {
                    socket.close();
                    throw new IOException("cannot resolve " + host + ":" + port, e);
                }
                return new UdpTransport(socket);
            }

            @Override
            public int maxMessageBytes() {
                return MAX_DATAGRAM;
            }
        };
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length));
    }

    @Override
    public void close() {
        socket.close();
    }
}
