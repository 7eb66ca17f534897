package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.event.IpAddressText;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.List;

/**
 * Gathers the bad logins of one client against one device (the second aggregator of the pipeline): the group's body
 * is a {@link LoginBurst} holding those within the window.
 */
public final class LoginBurstAggregation implements AggregationStrategy {

    private final long windowNanos;

    public LoginBurstAggregation(long windowMillis) {
        this.windowNanos = windowMillis * 1_000_000L;
    }

    /** Correlation key: client address, device address and unit. */
    public String key(Alert badLogin) {
        ModbusAdu request = badLogin.transaction().request().adu();
        return IpAddressText.of(request.connection().client()) + ">" + IpAddressText.of(request.connection().server())
                + "/" + request.unitId();
    }

    @Override
    public Exchange aggregate(Exchange group, Exchange next) {
        Alert badLogin = next.getMessage().getBody(Alert.class);
        if (group == null) {
            next.getMessage().setBody(new LoginBurst(List.of(badLogin)));
            return next;
        }
        group.getMessage().setBody(group.getMessage().getBody(LoginBurst.class).with(badLogin, windowNanos));
        return group;
    }
}
