package dev.modbuswatch.output.syslog;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryProblemTest {

    @Test
    void describesEveryProblemInWordsAlsoWithoutAMessage() {
        assertThat(DeliveryProblem.describe(new PortUnreachableException()))
                .isEqualTo("refused with ICMP port unreachable: nothing listens on that port");
        assertThat(DeliveryProblem.describe(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(DeliveryProblem.describe(new UnknownHostException("syslog.example"))).isEqualTo(
                "unknown host syslog.example");
        assertThat(DeliveryProblem.describe(new SocketTimeoutException("Connect timed out")))
                .isEqualTo("no answer in time (Connect timed out)");
        assertThat(DeliveryProblem.describe(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("TLS failed: PKIX path building failed");
        assertThat(DeliveryProblem.describe(new EOFException())).isEqualTo(
                "input/output error (EOFException without a message)");
        assertThat(DeliveryProblem.describe(new IOException(null, new PortUnreachableException())))
                .isEqualTo("refused with ICMP port unreachable: nothing listens on that port");
    }
}
