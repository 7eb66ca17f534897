package dev.modbuswatch.detect;

/**
 * {@code Login brute force}: at least {@code threshold} bad logins from one client to one device within the window
 * (capture time); one alert per burst, on a copy of the burst's last bad login.
 */
public final class BruteForceDetector {

    public static final String NAME = "Login brute force";

    private final int threshold;
    private final long windowMillis;

    public BruteForceDetector(int threshold, long windowMillis) {
        this.threshold = threshold;
        this.windowMillis = windowMillis;
    }

    /** @return the alert, or null for a burst that ended below the threshold or continues an alerted one */
    public Alert alert(LoginBurst burst) {
        if (burst.attempts() < threshold || burst.continuesAlertedBurst()) {
            return null;
        }
        Alert first = burst.badLogins().get(0);
        Alert last = burst.badLogins().get(burst.attempts() - 1);
        String details = new StringBuilder(200).append(burst.attempts()).append(" bad logins within ")
                .append(windowMillis / 1000.0).append(" s, first at ").append(first.record().get("EventTime"))
                .append(", last at ").append(last.record().get("EventTime")).append("; last: ")
                .append(last.record().get(Alert.DETAILS_FIELD)).toString();
        return Alert.onCopy(NAME, last.record(), details, last.transaction());
    }
}
