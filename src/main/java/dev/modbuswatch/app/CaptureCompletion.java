package dev.modbuswatch.app;

import dev.modbuswatch.component.pcap.CaptureStatistics;
import dev.modbuswatch.component.pcap.PcapConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Notices when the route has processed the end-of-capture message of a capture file, keeps what it reported, and
 * runs the given action (ending the one-shot run). It is a policy of the capture route alone, which sees one exchange
 * per batch: an event notifier would have Camel look for notifiers at every step of every exchange.
 */
final class CaptureCompletion extends RoutePolicySupport implements RoutePolicyFactory {

    private final Runnable onEnd;
    private volatile CaptureStatistics statistics;
    private volatile String failure;
    private volatile boolean ended;

    CaptureCompletion(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        if (!(route instanceof RouteDefinition definition) || definition.getInput() == null) {
            return null;
        }
        String from = context.resolvePropertyPlaceholders(definition.getInput().getEndpointUri());
        return from != null && from.startsWith("pcap:") ? this : null;
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (!PcapConstants.TYPE_END_OF_CAPTURE.equals(exchange.getMessage().getHeader(PcapConstants.MESSAGE_TYPE))) {
            return;
        }
        statistics = exchange.getMessage().getHeader(PcapConstants.STATISTICS, CaptureStatistics.class);
        failure = exchange.getMessage().getHeader(PcapConstants.FAILURE, String.class);
        if (failure == null && exchange.getException() != null) {
            failure = "the route failed at the end of the capture: " + exchange.getException().getMessage();
        }
        ended = true;
        onEnd.run();
    }

    boolean ended() {
        return ended;
    }

    CaptureStatistics statistics() {
        return statistics;
    }

    String failure() {
        return failure;
    }
}
