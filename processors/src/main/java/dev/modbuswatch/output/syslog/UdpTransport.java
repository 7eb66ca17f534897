package dev.modbuswatch.output.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * RFC 5426: one message per datagram, nothing around it. The socket is connected, so that the host's ICMP port
 * unreachable for a datagram comes back as a {@link java.net.PortUnreachableException} from the next send or
 * receive.
 */
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

    /** Waits for an answer to what was sent: a syslog server sends none, so only a refusal ends the wait early. */
    @Override
    public void confirm(Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            socket.receive(new DatagramPacket(new byte[1], 1));
        } catch (SocketTimeoutException e) {
            // nothing refused
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
