package dev.modbuswatch.detect;

import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.event.IpAddressText;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.List;

/**
 * Gathers the bad logins of one client against one device (the second aggregator of the pipeline): the group's body
 * is a {@link LoginBurst} holding those within the window.
 * <p>
 * A group ends either when it reaches the brute-force threshold (it is alerted on) or when no bad login came for a
 * whole window. So a group that starts less than a window after the previous bad login of its key follows an alerted
 * group: the attack goes on, and the new group is marked as its continuation so that one burst gives one alert.
 */
public final class LoginBurstAggregation implements AggregationStrategy {

    private final long windowNanos;
    private final RecentByKey<String> lastBadLogin;

    public LoginBurstAggregation(long windowMillis) {
        this.windowNanos = windowMillis * 1_000_000L;
        this.lastBadLogin = new RecentByKey<>(windowNanos);
    }

    /** The last bad login per key, within the window: whether a new burst continues an alerted one. */
    public RecentByKey<String> recentBadLogins() {
        return lastBadLogin;
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
        String key = key(badLogin);
        long now = LoginBurst.time(badLogin);
        boolean attackGoesOn = lastBadLogin.seenWithinWindow(key, now);
        lastBadLogin.mark(key, now);
        if (group == null) {
            next.getMessage().setBody(new LoginBurst(List.of(badLogin), attackGoesOn));
            return next;
        }
        group.getMessage().setBody(group.getMessage().getBody(LoginBurst.class).with(badLogin, windowNanos));
        return group;
    }
}
