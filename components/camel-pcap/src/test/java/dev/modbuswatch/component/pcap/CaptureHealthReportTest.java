package dev.modbuswatch.component.pcap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The log lines, anomalies and counters of a live capture's outages and kernel drops. */
class CaptureHealthReportTest {

    private static final long START = 1_764_000_000_000L;

    private final List<StreamAnomaly> anomalies = new ArrayList<>();
    private final CaptureHealthReport report = new CaptureHealthReport("mwcap0", START, anomalies::add);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CaptureHealthReport.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void anInterfaceMissingAtStartIsAnOutageSaidSo() {
        report.startFailed(START, "opening interface mwcap0: No such device exists");
        report.outageEnded(START, START + 4_300, "opening interface mwcap0: No such device exists", true);
        report.outageStarted(START + 10_000, "The interface disappeared");
        report.outageEnded(START + 10_000, START + 11_000, "The interface disappeared", true);

        assertThat(lines()).containsExactly(
                "ERROR Capture on interface mwcap0 cannot start: opening interface mwcap0: No such device exists."
                        + " Nothing is captured until it can be opened; retrying after 250 ms, then twice as long each"
                        + " time up to every 5 s",
                "INFO Capturing on interface mwcap0 after 4.3 s without capture: it could not be opened at start"
                        + " (opening interface mwcap0: No such device exists)",
                "ERROR Capture on interface mwcap0 failed: The interface disappeared. Nothing is captured until it can"
                        + " be opened again; retrying after 250 ms, then twice as long each time up to every 5 s",
                "INFO Capturing on interface mwcap0 again after 1.0 s without capture (The interface disappeared)");
        assertThat(anomalies).extracting(StreamAnomaly::detail).containsExactly(
                "interface mwcap0 unavailable for 4.3 s from the start of the capture: opening interface mwcap0: No"
                        + " such device exists",
                "interface mwcap0 unavailable for 1.0 s: The interface disappeared");
        assertThat(report.outages(START + 20_000).count()).isEqualTo(2);
    }

    @Test
    void anOutageIsOneErrorThenOneInfoWithItsDurationAndOneCaptureGap() {
        report.outageStarted(START + 1_000, "The interface disappeared");
        assertThat(report.outages(START + 2_000)).isEqualTo(new CaptureOutages(1, 1_000,
                Instant.ofEpochMilli(START + 1_000), null));

        report.outageEnded(START + 1_000, START + 13_300, "The interface disappeared", true);

        assertThat(lines()).containsExactly(
                "ERROR Capture on interface mwcap0 failed: The interface disappeared. Nothing is captured until it can"
                        + " be opened again; retrying after 250 ms, then twice as long each time up to every 5 s",
                "INFO Capturing on interface mwcap0 again after 12.3 s without capture (The interface disappeared)");
        assertThat(anomalies).singleElement().satisfies(gap -> {
            assertThat(gap.kind()).isEqualTo(StreamAnomaly.Kind.CAPTURE_GAP);
            assertThat(gap.connection()).isNull();
            assertThat(gap.bytes()).isZero();
            assertThat(gap.epochSecond()).isEqualTo((START + 1_000) / 1000);
            assertThat(gap.detail()).isEqualTo("interface mwcap0 unavailable for 12.3 s: The interface disappeared");
            assertThat(gap.toString()).isEqualTo("CAPTURE_GAP: " + gap.detail());
        });
        assertThat(report.outages(START + 99_000)).isEqualTo(new CaptureOutages(1, 12_300,
                Instant.ofEpochMilli(START + 1_000), Instant.ofEpochMilli(START + 13_300)));
    }

    @Test
    void outagesAddUp() {
        report.outageStarted(START, "The interface disappeared");
        report.outageEnded(START, START + 1_000, "The interface disappeared", true);
        report.outageStarted(START + 5_000, "the interface is down");
        report.outageEnded(START + 5_000, START + 7_500, "the interface is down", true);

        assertThat(report.outages(START + 8_000)).isEqualTo(new CaptureOutages(2, 3_500,
                Instant.ofEpochMilli(START + 5_000), Instant.ofEpochMilli(START + 7_500)));
    }

    @Test
    void stoppingWhileOutSaysSo() {
        report.outageStarted(START, "The interface disappeared");
        report.outageEnded(START, START + 4_000, "The interface disappeared", false);

        assertThat(lines()).last().isEqualTo("WARN Capture on interface mwcap0 stopped while the interface was still"
                + " unavailable, for 4.0 s (The interface disappeared)");
        assertThat(anomalies).singleElement().extracting(StreamAnomaly::detail).isEqualTo(
                "interface mwcap0 unavailable for 4.0 s until the capture stopped: The interface disappeared");
    }

    @Test
    void dropsAreAGapEachTimeTheyRiseButAWarningAtMostOnceAMinute() {
        report.dropsRead(START, START + 2_000, 0);
        report.dropsRead(START + 2_000, START + 4_000, 37);
        report.dropsRead(START + 4_000, START + 6_000, 5);
        report.dropsRead(START + 6_000, START + 8_000, 0);
        report.dropsRead(START + 8_000, START + 63_900, 1);
        report.dropsRead(START + 63_900, START + 64_000, 2);

        assertThat(lines()).containsExactly(
                "WARN 37 packets dropped by the kernel on interface mwcap0 in the last 4.0 s: the capture missed them"
                        + " (the reader fell behind or bufferSize is too small)",
                "WARN 8 packets dropped by the kernel on interface mwcap0 in the last 60.0 s: the capture missed them"
                        + " (the reader fell behind or bufferSize is too small)");
        assertThat(anomalies).extracting(StreamAnomaly::detail).containsExactly(
                "37 packets dropped by the kernel on interface mwcap0 within 2.0 s",
                "5 packets dropped by the kernel on interface mwcap0 within 2.0 s",
                "1 packets dropped by the kernel on interface mwcap0 within 55.9 s",
                "2 packets dropped by the kernel on interface mwcap0 within 0.1 s");
        assertThat(anomalies).extracting(StreamAnomaly::epochSecond)
                .containsExactly((START + 2_000) / 1000, (START + 4_000) / 1000, (START + 8_000) / 1000,
                        (START + 63_900) / 1000);

        report.dropsRead(START + 64_000, START + 66_000, 4);
        assertThat(lines()).hasSize(2);

        report.stopped(START + 67_000);

        assertThat(lines()).hasSize(3).last().asString().startsWith("WARN 4 packets dropped by the kernel on interface"
                + " mwcap0 in the last 3.0 s");
    }

    @Test
    void noDropsNoLines() {
        report.dropsRead(START, START + 2_000, 0);
        report.stopped(START + 3_000);

        assertThat(lines()).isEmpty();
        assertThat(anomalies).isEmpty();
        assertThat(report.outages(START + 3_000)).isEqualTo(CaptureOutages.NONE);
    }

    private List<String> lines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
