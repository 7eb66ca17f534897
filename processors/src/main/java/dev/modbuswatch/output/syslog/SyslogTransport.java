package dev.modbuswatch.output.syslog;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** One connection (or socket) to the syslog server that carries whole messages. */
public interface SyslogTransport extends Closeable {

    /** @throws IOException when the message may not have reached the server; the connection is then unusable */
    void send(byte[] message) throws IOException;

    /** @return false once the server has closed the connection (a stream transport notices it before the next send) */
    default boolean isOpen() {
        return true;
    }

    /**
     * Checks for a sign that what was sent was refused: UDP listens up to {@code wait} for the ICMP port unreachable a
     * host sends back for a datagram to a port where nothing listens; a stream transport checks that the server has
     * not closed the connection.
     *
     * @throws IOException when what was sent recently did not reach the server
     */
    default void confirm(Duration wait) throws IOException {
        if (!isOpen()) {
            throw new IOException("the server closed the connection");
        }
    }

    /**
     * Ends the connection once everything is sent, where the transport can tell whether the server read it all.
     *
     * @return false when the server may not have read everything sent (the connection was lost)
     */
    default boolean finish(long timeoutMillis) throws InterruptedException {
        return true;
    }

    @Override
    void close();

    /** Opens a new connection; called again after a connection is lost. */
    interface Connector {
        SyslogTransport connect() throws IOException;

        /** @return the largest message one send carries, or {@link Integer#MAX_VALUE} */
        default int maxMessageBytes() {
            return Integer.MAX_VALUE;
        }
    }
}
