package dev.modbuswatch.output.syslog;

import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * TCP (RFC 6587) or TLS (RFC 5425) with octet-counting framing: {@code MSG-LEN SP SYSLOG-MSG}. The server never
 * writes, so a thread reading the socket learns at once when it closes the connection. At the end the client closes
 * its sending side and waits for the server to close too: a server that does so has read everything before it.
 */
public final class OctetCountingTransport implements SyslogTransport {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final OutputStream out;
    private volatile boolean open = true;
    private volatile boolean reset;
    private final CountDownLatch serverClosed = new CountDownLatch(1);

    private OctetCountingTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        InputStream in = socket.getInputStream();
        Thread watcher = new Thread(() -> watch(in), "syslog-connection-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Makes a socket not yet connected: a plain one for TCP, an SSL socket for TLS. */
    @FunctionalInterface
    public interface UnconnectedSockets {
        Socket create() throws IOException;
    }

    /** @param sockets {@code Socket::new} for TCP, {@link TlsSocketFactory} for TLS (the handshake is on connect) */
    public static Connector connector(UnconnectedSockets sockets, String host, int port) {
        return () -> {
            Socket socket = sockets.create();
            try {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                socket.setKeepAlive(true);
                if (socket instanceof SSLSocket tls) {
                    tls.startHandshake();
                }
                return new OctetCountingTransport(socket);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        };
    }

    private void watch(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the server sends nothing we use
            }
        } catch (IOException e) {
            reset = true;
        }
        open = false;
        serverClosed.countDown();
    }

    @Override
    public boolean finish(long timeoutMillis) throws InterruptedException {
        if (!open) {
            return false;
        }
        try {
            out.flush();
            if (socket instanceof SSLSocket) {
                socket.close(); // SSLSocket has no half-close; its close_notify exchange is the confirmation
                return !reset;
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            return false;
        }
        return serverClosed.await(timeoutMillis, TimeUnit.MILLISECONDS) && !reset;
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (!open) {
            throw new IOException("the server closed the connection");
        }
        out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.flush();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
