package dev.modbuswatch.output.syslog;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Says in words why a message could not be sent, for the log: never {@code null}, never a class name alone. */
final class DeliveryProblem {

    private DeliveryProblem() {
    }

    static String describe(IOException problem) {
        String message = problem.getMessage();
        if (problem instanceof PortUnreachableException) {
            return "refused with ICMP port unreachable: nothing listens on that port";
        }
        if (problem instanceof ConnectException && !(problem instanceof NoRouteToHostException)) {
            return "connection refused" + (message == null || message.toLowerCase().contains("refused") ? ""
                    : ": " + message);
        }
        if (problem instanceof UnknownHostException) {
            return "unknown host" + (message == null ? "" : " " + message);
        }
        if (problem instanceof SocketTimeoutException) {
            return "no answer in time" + (message == null ? "" : " (" + message + ")");
        }
        if (problem instanceof SSLException) {
            return "TLS failed" + (message == null ? "" : ": " + message);
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        return problem.getCause() instanceof IOException cause ? describe(cause)
                : "input/output error (" + problem.getClass().getSimpleName() + " without a message)";
    }
}
