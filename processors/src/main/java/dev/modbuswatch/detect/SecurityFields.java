package dev.modbuswatch.detect;

/** The fields a detection adds to the event it tags, named as in the seed's alert records. */
public final class SecurityFields {

    public static final String ALERT = "SecurityAlert";
    public static final String DETAILS = "SecurityDetails";

    private SecurityFields() {
    }
}
