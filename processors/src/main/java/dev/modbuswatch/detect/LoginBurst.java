package dev.modbuswatch.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad logins of one client against one device within the brute-force window, oldest first. A burst that
 * {@code continuesAlertedBurst} follows, without a pause as long as the window, a burst that was already alerted on:
 * it is the same attack going on and raises no second alert.
 */
public record LoginBurst(List<Alert> badLogins, boolean continuesAlertedBurst) {

    public LoginBurst {
        badLogins = List.copyOf(badLogins);
    }

    public int attempts() {
        return badLogins.size();
    }

    /** Capture time of the newest bad login, in ns since the epoch. */
    public long newest() {
        return time(badLogins.get(badLogins.size() - 1));
    }

    /** This burst with one more bad login, keeping only those within {@code windowNanos} of it. */
    LoginBurst with(Alert badLogin, long windowNanos) {
        List<Alert> kept = new ArrayList<>(badLogins.size() + 1);
        long now = time(badLogin);
        for (Alert earlier : badLogins) {
            if (now - time(earlier) < windowNanos) {
                kept.add(earlier);
            }
        }
        kept.add(badLogin);
        return new LoginBurst(kept, continuesAlertedBurst);
    }

    static long time(Alert badLogin) {
        return badLogin.transaction().response().captureNanos();
    }
}
