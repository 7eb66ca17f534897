package dev.modbuswatch.detect;

import java.util.ArrayList;
import java.util.List;

/** The bad logins of one client against one device within the brute-force window, oldest first. */
public record LoginBurst(List<Alert> badLogins) {

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
        return new LoginBurst(kept);
    }

    static long time(Alert badLogin) {
        return badLogin.transaction().response().captureNanos();
    }
}
