package dev.modbuswatch.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** EventTime and EventReceivedTime: ISO-8601 with an explicit offset and the capture's precision. */
class EventTimeFormatTest {

    /** 2025-11-22T08:27:40Z, the second conversation of the seed scenario. */
    private static final long NOVEMBER = 1_763_800_060L;
    /** 2025-07-01T12:00:00Z, summer time in Europe. */
    private static final long JULY = 1_751_371_200L;

    private final EventTimeFormat utc = EventTimeFormat.of("UTC");

    @Test
    void microsecondCapturesAlwaysGetSixFractionalDigits() {
        assertThat(utc.format(NOVEMBER, 329_000_000)).isEqualTo("2025-11-22T08:27:40.329000+00:00");
        assertThat(utc.format(NOVEMBER, 329_001_000)).isEqualTo("2025-11-22T08:27:40.329001+00:00");
        assertThat(utc.format(NOVEMBER, 123_456_000)).isEqualTo("2025-11-22T08:27:40.123456+00:00");
        assertThat(utc.format(NOVEMBER, 1_000)).isEqualTo("2025-11-22T08:27:40.000001+00:00");
        assertThat(utc.format(NOVEMBER, 0)).isEqualTo("2025-11-22T08:27:40.000000+00:00");
    }

    @Test
    void nanosecondCapturesGetNineFractionalDigits() {
        assertThat(utc.format(NOVEMBER, 123_456_789)).isEqualTo("2025-11-22T08:27:40.123456789+00:00");
        assertThat(utc.format(NOVEMBER, 329_000_001)).isEqualTo("2025-11-22T08:27:40.329000001+00:00");
        assertThat(utc.format(NOVEMBER, 999_999_999)).isEqualTo("2025-11-22T08:27:40.999999999+00:00");
    }

    /**
     * A nanosecond time stamp whose last digit happens to be 0 is still a nanosecond time stamp: the event should
     * not switch to seven or eight digits for one time stamp in ten.
     */
    @Test
    void nanosecondCapturesEndingInZeroKeepNineFractionalDigits() {
        assertThat(utc.format(NOVEMBER, 123_456_780)).isEqualTo("2025-11-22T08:27:40.123456780+00:00");
        assertThat(utc.format(NOVEMBER, 123_456_700)).isEqualTo("2025-11-22T08:27:40.123456700+00:00");
    }

    @Test
    void utcIsWrittenAsAnOffsetNotAsZ() {
        assertThat(EventTimeFormat.of("UTC").format(NOVEMBER, 4_000_000))
                .isEqualTo("2025-11-22T08:27:40.004000+00:00");
        assertThat(EventTimeFormat.of("Z").format(NOVEMBER, 4_000_000))
                .isEqualTo("2025-11-22T08:27:40.004000+00:00");
    }

    @Test
    void aZoneWithSummerTimeGetsTheOffsetOfTheDate() {
        EventTimeFormat berlin = EventTimeFormat.of("Europe/Berlin");

        assertThat(berlin.format(NOVEMBER, 4_000_000)).isEqualTo("2025-11-22T09:27:40.004000+01:00");
        assertThat(berlin.format(JULY, 4_000_000)).isEqualTo("2025-07-01T14:00:00.004000+02:00");
    }

    @Test
    void negativeAndFractionalOffsets() {
        assertThat(EventTimeFormat.of("America/New_York").format(NOVEMBER, 0))
                .isEqualTo("2025-11-22T03:27:40.000000-05:00");
        assertThat(EventTimeFormat.of("Asia/Kolkata").format(NOVEMBER, 0))
                .isEqualTo("2025-11-22T13:57:40.000000+05:30");
        assertThat(EventTimeFormat.of("+02:00").format(NOVEMBER, 0))
                .isEqualTo("2025-11-22T10:27:40.000000+02:00");
    }

    @Test
    void theDateFollowsTheZone() {
        // 2025-11-22T23:30:00Z is already the 23rd in Berlin and still the 22nd in New York.
        long lateEvening = 1_763_854_200L;

        assertThat(EventTimeFormat.of("Europe/Berlin").format(lateEvening, 0))
                .isEqualTo("2025-11-23T00:30:00.000000+01:00");
        assertThat(EventTimeFormat.of("America/New_York").format(lateEvening, 0))
                .isEqualTo("2025-11-22T18:30:00.000000-05:00");
    }

    @Test
    void systemIsThisMachinesZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

            assertThat(EventTimeFormat.of("system").format(NOVEMBER, 329_000_000))
                    .isEqualTo("2025-11-22T03:27:40.329000-05:00");
            assertThat(EventTimeFormat.of("SYSTEM").format(JULY, 0))
                    .isEqualTo("2025-07-01T08:00:00.000000-04:00");

            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));

            assertThat(EventTimeFormat.of("System").format(NOVEMBER, 329_000_000))
                    .isEqualTo("2025-11-22T17:27:40.329000+09:00");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void instantsAreFormattedLikeEpochSecondAndNanos() {
        EventTimeFormat berlin = new EventTimeFormat(ZoneId.of("Europe/Berlin"));

        assertThat(berlin.format(Instant.parse("2025-11-22T08:27:41.500Z")))
                .isEqualTo("2025-11-22T09:27:41.500000+01:00");
        assertThat(berlin.format(Instant.parse("2025-11-22T08:27:41.123456789Z")))
                .isEqualTo("2025-11-22T09:27:41.123456789+01:00");
        assertThat(berlin.format(Instant.ofEpochSecond(NOVEMBER, 7_000)))
                .isEqualTo(berlin.format(NOVEMBER, 7_000))
                .isEqualTo("2025-11-22T09:27:40.000007+01:00");
    }

    @Test
    void anUnknownZoneIsRejected() {
        assertThatThrownBy(() -> EventTimeFormat.of("Mars/Olympus_Mons")).isInstanceOf(DateTimeException.class);
    }

    @org.junit.jupiter.api.Test
    void timeBeyondIsoDatesIsWrittenAsEpochSeconds() {
        assertThat(EventTimeFormat.of("UTC").format(1L << 62, 5)).isEqualTo("4611686018427387904.000000005");
    }
}
