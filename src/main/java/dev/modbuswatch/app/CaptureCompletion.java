package dev.modbuswatch.app;

import dev.modbuswatch.component.pcap.CaptureStatistics;
import dev.modbuswatch.component.pcap.PcapConstants;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Notices when the route has processed the end-of-capture message of a capture file, keeps what it reported, and
 * runs the given action (ending the one-shot run).
 */
final class CaptureCompletion extends EventNotifierSupport {

    private final Runnable onEnd;
    private volatile CaptureStatistics statistics;
    private volatile String failure;
    private volatile boolean ended;

    CaptureCompletion(Runnable onEnd) {
        this.onEnd = onEnd;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
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
