package dev.modbuswatch.output.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesFileTest {

    @TempDir
    Path folder;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T23:59:58Z"));
    private final Map<String, Long> lost = new TreeMap<>();

    @Test
    void linesThatCannotBeWrittenAreHeldAndWrittenInOrderOnceTheFileWorksAgain() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.createDirectory(events); // opening it for writing fails until it is a file again
        JsonLinesFile file = file(events, HoldPriority.LOW, oneShot(1 << 20));

        file.append(lines(0, 3));
        file.append(lines(3, 5));
        Files.delete(events);
        file.append(lines(5, 6));
        file.maintain();

        assertThat(Files.readAllLines(events)).containsExactlyElementsOf(records(0, 6));
        assertThat(file.dropped()).isZero();
    }

    @Test
    void heldRecordsRetriedByMaintenanceWithoutNewLines() throws IOException {
        Path alerts = folder.resolve("alerts.jsonl");
        Files.createDirectory(alerts);
        JsonLinesFile file = file(alerts, HoldPriority.HIGH, oneShot(1 << 20));
        file.append(lines(0, 2));
        file.maintain();
        assertThat(alerts).isDirectory();

        Files.delete(alerts);
        file.maintain();

        assertThat(Files.readAllLines(alerts)).containsExactlyElementsOf(records(0, 2));
    }

    @Test
    void aFullBufferDropsTheNewestLowPriorityRecordsFirstAndAlertsLast() throws IOException {
        Path eventsPath = folder.resolve("events.jsonl");
        Path alertsPath = folder.resolve("alerts.jsonl");
        Files.createDirectory(eventsPath);
        Files.createDirectory(alertsPath);
        HeldRecords held = new HeldRecords(lines(0, 10).length);
        JsonLinesFile events = new JsonLinesFile(eventsPath, HoldPriority.LOW, oneShot(0), held, clock, this::lost);
        JsonLinesFile alerts = new JsonLinesFile(alertsPath, HoldPriority.HIGH, oneShot(0), held, clock, this::lost);

        events.append(lines(0, 6));
        events.append(lines(6, 10)); // fills the buffer exactly
        alerts.append(lines(100, 102)); // the newest events make room
        events.append(lines(10, 12)); // fits again
        events.append(lines(12, 14)); // no room: dropped itself
        Files.delete(eventsPath);
        Files.delete(alertsPath);
        events.maintain();
        alerts.maintain();

        assertThat(Files.readAllLines(alertsPath)).containsExactlyElementsOf(records(100, 102));
        List<String> written = new ArrayList<>(records(0, 6));
        written.addAll(records(10, 12));
        assertThat(Files.readAllLines(eventsPath)).containsExactlyElementsOf(written);
        assertThat(events.dropped()).isEqualTo(6);
        assertThat(alerts.dropped()).isZero();
        assertThat(lost).containsExactly(Map.entry("events.jsonl", 6L));
    }

    @Test
    void closingDropsAndCountsWhatCannotBeWritten() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.createDirectory(events);
        JsonLinesFile file = file(events, HoldPriority.LOW, oneShot(1 << 20));
        file.append(lines(0, 4));

        file.close();

        assertThat(file.dropped()).isEqualTo(4);
        assertThat(lost).containsExactly(Map.entry("events.jsonl", 4L));
    }

    @Test
    void aPartialLastLineIsMovedAsideWhenTheFileIsOpened() throws IOException {
        Path alerts = folder.resolve("alerts.jsonl");
        Files.writeString(alerts, "{\"n\":\"0\"}\n{\"n\":\"1\"}\n{\"n\":\"2");

        JsonLinesFile file = file(alerts, HoldPriority.HIGH, oneShot(1 << 20));
        file.append(lines(3, 4));

        assertThat(Files.readAllLines(alerts)).containsExactly("{\"n\":\"0\"}", "{\"n\":\"1\"}", "{\"n\":\"003\"}");
        Path aside = folder.resolve("alerts.jsonl.partial-20261204T235958Z");
        assertThat(aside).hasContent("{\"n\":\"2");
    }

    @Test
    void aFileOfOnlyAPartialLineIsEmptiedAndAFileEndingInANewlineLeftAlone() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(events, "{\"n\":");
        Path alerts = folder.resolve("alerts.jsonl");
        Files.writeString(alerts, "{\"n\":\"0\"}\n");

        file(events, HoldPriority.LOW, oneShot(1 << 20));
        file(alerts, HoldPriority.HIGH, oneShot(1 << 20));

        assertThat(events).isEmptyFile();
        assertThat(alerts).hasContent("{\"n\":\"0\"}\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("events.jsonl", "alerts.jsonl", "events.jsonl.partial-20261204T235958Z");
        }
    }

    @Test
    void rotationBySizeNeverSplitsAWriteAndLosesNothing() throws IOException {
        Path events = folder.resolve("events.jsonl");
        int lineBytes = lines(0, 1).length;
        JsonLinesFile file = file(events, HoldPriority.LOW, rotating(3L * lineBytes, RotationInterval.NONE));

        for (int n = 0; n < 10; n++) {
            clock.advance(Duration.ofSeconds(1));
            file.append(lines(n, n + 1));
        }
        file.append(lines(10, 15)); // larger than the limit: a file of its own

        List<Path> rotated = rotated("events");
        assertThat(rotated).hasSize(4);
        assertThat(rotated.get(0).getFileName()).hasToString("events-20261204T235958Z-20261205T000002Z.jsonl");
        List<String> all = new ArrayList<>();
        for (Path part : rotated) {
            assertThat(Files.size(part)).isLessThanOrEqualTo(5L * lineBytes);
            all.addAll(Files.readAllLines(part));
        }
        all.addAll(Files.readAllLines(events));
        assertThat(all).containsExactlyElementsOf(records(0, 15));
        assertThat(Files.readAllLines(events)).containsExactlyElementsOf(records(10, 15));
    }

    @Test
    void rotationByTimeNamesTheSpanAndHappensWithoutWrites() throws IOException {
        Path events = folder.resolve("events.jsonl");
        JsonLinesFile file = file(events, HoldPriority.LOW, rotating(0, RotationInterval.parse("daily")));
        file.append(lines(0, 2));

        clock.set(Instant.parse("2026-12-05T00:00:01Z"));
        file.maintain();
        file.append(lines(2, 3));
        clock.set(Instant.parse("2026-12-06T00:00:00Z"));
        file.append(lines(3, 4));

        assertThat(rotated("events")).extracting(path -> path.getFileName().toString()).containsExactly(
                "events-20261204T235958Z-20261205T000000Z.jsonl", "events-20261205T000000Z-20261206T000000Z.jsonl");
        assertThat(Files.readAllLines(folder.resolve("events-20261204T235958Z-20261205T000000Z.jsonl")))
                .containsExactlyElementsOf(records(0, 2));
        assertThat(Files.readAllLines(folder.resolve("events-20261205T000000Z-20261206T000000Z.jsonl")))
                .containsExactlyElementsOf(records(2, 3));
        assertThat(Files.readAllLines(events)).containsExactlyElementsOf(records(3, 4));
    }

    @Test
    void aFileRenamedByAnotherProgramIsFollowedByANewOne() throws IOException {
        Path events = folder.resolve("events.jsonl");
        JsonLinesFile file = file(events, HoldPriority.LOW, rotating(0, RotationInterval.NONE));
        file.append(lines(0, 2));

        Files.move(events, folder.resolve("events.jsonl.1"));
        file.append(lines(2, 3));

        assertThat(Files.readAllLines(folder.resolve("events.jsonl.1"))).containsExactlyElementsOf(records(0, 2));
        assertThat(Files.readAllLines(events)).containsExactlyElementsOf(records(2, 3));
    }

    @Test
    void rotatedFilesAreCompressedAndTheOldestDeletedBeyondTheSizeKept() throws IOException {
        Path events = folder.resolve("events.jsonl");
        int lineBytes = lines(0, 1).length;
        OutputFilePolicy policy = new OutputFilePolicy(true, 2L * lineBytes, RotationInterval.NONE, true,
                Duration.ZERO, 100, 1 << 20, Duration.ofSeconds(1));
        JsonLinesFile file = file(events, HoldPriority.LOW, policy);
        for (int n = 0; n < 8; n++) {
            clock.advance(Duration.ofSeconds(1));
            file.append(lines(2 * n, 2 * n + 2));
        }

        file.maintain();

        List<Path> kept = rotated("events");
        assertThat(kept).hasSize(2).allMatch(path -> path.toString().endsWith(".jsonl.gz"));
        assertThat(kept.stream().mapToLong(JsonLinesFileTest::size).sum()).isLessThanOrEqualTo(100);
        assertThat(gunzip(kept.get(0))).containsExactlyElementsOf(records(10, 12));
        assertThat(gunzip(kept.get(1))).containsExactlyElementsOf(records(12, 14));
        assertThat(Files.readAllLines(events)).containsExactlyElementsOf(records(14, 16));
    }

    @Test
    void retentionByAgeDeletesFilesThatEndedTooLongAgo() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(folder.resolve("events-20261101T000000Z-20261102T000000Z.jsonl"), "{}\n");
        Files.writeString(folder.resolve("events-20261130T000000Z-20261201T000000Z.jsonl.gz"), "x");
        Files.writeString(folder.resolve("events-reloaded.jsonl"), "{}\n");
        OutputFilePolicy policy = new OutputFilePolicy(true, 0, RotationInterval.NONE, false, Duration.ofDays(30),
                0, 1 << 20, Duration.ofSeconds(1));

        file(events, HoldPriority.LOW, policy).maintain();

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "events-20261130T000000Z-20261201T000000Z.jsonl.gz", "events-reloaded.jsonl");
        }
    }

    @Test
    void retentionRunsWhenCompressionFailsAndCompressionIsRetriedLater() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Path old = folder.resolve("events-20261101T000000Z-20261102T000000Z.jsonl");
        Path recent = folder.resolve("events-20261203T000000Z-20261204T000000Z.jsonl");
        Files.writeString(old, "{}\n");
        Files.writeString(recent, "{}\n");
        // compressing fails as on a full disk: its temporary file cannot be written nor deleted
        Path oldBlocker = Files.createDirectories(folder.resolve(old.getFileName() + ".gz.tmp/x"));
        Path recentBlocker = Files.createDirectories(folder.resolve(recent.getFileName() + ".gz.tmp/x"));
        OutputFilePolicy policy = new OutputFilePolicy(true, 0, RotationInterval.NONE, true, Duration.ofDays(30),
                0, 1 << 20, Duration.ofSeconds(1));
        JsonLinesFile file = file(events, HoldPriority.LOW, policy);

        file.maintain();
        assertThat(old).doesNotExist();
        assertThat(recent).exists();

        Files.delete(recentBlocker);
        Files.delete(recentBlocker.getParent());
        clock.advance(Duration.ofSeconds(5));
        file.maintain();
        assertThat(recent).exists(); // not compressed again at every maintenance

        clock.advance(Duration.ofSeconds(5));
        file.maintain();
        assertThat(recent).doesNotExist();
        assertThat(gunzip(folder.resolve(recent.getFileName() + ".gz"))).containsExactly("{}");
        assertThat(oldBlocker).exists();
    }

    @Test
    void aDailyFileFoundAtTheStartIsNamedFromThePeriodOfItsLastWrite() throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.write(events, lines(0, 2));
        Files.setLastModifiedTime(events, java.nio.file.attribute.FileTime.from(
                Instant.parse("2026-12-04T10:00:00Z")));
        JsonLinesFile file = file(events, HoldPriority.LOW, rotating(0, RotationInterval.parse("daily")));
        file.append(lines(2, 3));

        clock.set(Instant.parse("2026-12-05T00:00:01Z"));
        file.maintain();

        Path rotated = folder.resolve("events-20261204T000000Z-20261205T000000Z.jsonl");
        assertThat(rotated("events")).containsExactly(rotated);
        assertThat(Files.readAllLines(rotated)).containsExactlyElementsOf(records(0, 3));
    }

    private JsonLinesFile file(Path path, HoldPriority priority, OutputFilePolicy policy) {
        return new JsonLinesFile(path, priority, policy, new HeldRecords(policy.holdBytes()), clock, this::lost);
    }

    private void lost(String file, long records) {
        lost.merge(file, records, Long::sum);
    }

    private static OutputFilePolicy oneShot(long holdBytes) {
        return OutputFilePolicy.withoutRotation(holdBytes);
    }

    private static OutputFilePolicy rotating(long bytes, RotationInterval interval) {
        return new OutputFilePolicy(true, bytes, interval, false, Duration.ZERO, 0, 1 << 20, Duration.ofSeconds(1));
    }

    private List<Path> rotated(String stem) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().startsWith(stem + "-2"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(n -> String.format("{\"n\":\"%03d\"}", n)).toList();
    }

    private static byte[] lines(int from, int to) {
        return records(from, to).stream().map(line -> line + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant time) {
            now = time;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
