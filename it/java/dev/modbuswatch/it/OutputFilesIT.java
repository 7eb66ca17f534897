package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.bench.PlantedAlerts;
import dev.modbuswatch.bench.SyntheticCaptureGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JSON-lines output files of the continuous run on the packaged jar: a disk that fills up and is freed again,
 * rotation by size and time with retention, and a partial last line left by an earlier run. The traffic is the
 * benchmark's synthetic capture (60,000 PDUs, 75 bad logins) read by the continuous run's routes.
 */
class OutputFilesIT {

    private static final int TRANSACTIONS = 30_000;
    private static final int PDUS = 2 * TRANSACTIONS;
    private static final Duration CAPTURE_WAIT = Duration.ofMinutes(3);
    private static final Pattern CAPTURED_ADUS = Pattern.compile("Capture ended: .*adus=([0-9]+)");
    private static final Pattern NOT_WRITTEN = Pattern.compile("records not written in this run: (.*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static Path capture;

    @TempDir
    Path temp;
    private Path mounted;

    @BeforeAll
    static void generateTraffic() {
        capture = shared.resolve("synthetic.pcap");
        int exit = new CommandLine(new SyntheticCaptureGenerator()).execute("--transactions",
                Integer.toString(TRANSACTIONS), "--connections", "4", "--devices", "2", "--bad-logins", "75",
                "--out", capture.toString());
        assertThat(exit).isZero();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    @Timeout(300)
    void aFullDiskLosesNoAlertAndLeavesNoBrokenLine() throws Exception {
        Path out = temp.resolve("out");
        mountTmpfs(out, "3m");
        try (RunningJar jar = RunningJar.start(temp, temp.resolve("stderr.log"), continuousRun(out,
                "-Dmodbus.output.hold-size=8MB"))) {
            jar.await("the end of the capture", CAPTURE_WAIT, () -> jar.count("Capture ended") == 1);
            assertThat(jar.count("Cannot write")).as("ERROR lines when the disk is full%s", jar.log()).isPositive();

            run("mount", "-o", "remount,size=64m", out.toString());
            jar.await("every file to work again", Duration.ofSeconds(30),
                    () -> jar.count("works again") == jar.count("Cannot write"));
            jar.stop();

            Map<String, Long> notWritten = notWritten(jar);
            assertThat(notWritten).as("records dropped while the disk was full%s", jar.log())
                    .containsKey("events.jsonl").doesNotContainKey("alerts.jsonl");
            assertThat(records(out, "events") + notWritten.get("events.jsonl")).as("events written + dropped")
                    .isEqualTo(capturedAdus(jar));
            assertThat(records(out, "transactions") + notWritten.getOrDefault("transactions.jsonl", 0L))
                    .as("transactions written + dropped").isEqualTo(TRANSACTIONS);
            assertThat(PlantedAlerts.differences(PlantedAlerts.keys(PlantedAlerts.fileFor(capture)),
                    PlantedAlerts.keys(out.resolve("alerts.jsonl")))).as("bad logins missing or extra").isEmpty();
            List<String> aboutFiles = jar.stderrText().lines()
                    .filter(line -> line.matches(".*(JsonLinesFile|HeldRecords|PartialLine|RotatedFiles).*")).toList();
            assertThat(aboutFiles).as("log lines about the output files%s", jar.log()).hasSizeLessThan(15);
            assertThat(jar.stderrText()).as("stack traces").doesNotContain("\tat ");
        }
    }

    @Test
    @Timeout(300)
    void rotationBySizeAndTimeKeepsEveryRecordWhole() throws Exception {
        Path out = temp.resolve("out");
        try (RunningJar jar = RunningJar.start(temp, temp.resolve("stderr.log"), continuousRun(out,
                "-Dmodbus.output.rotate.size=512KB", "-Dmodbus.output.rotate.interval=3s",
                "-Dmodbus.output.rotate.compress=true"))) {
            jar.await("the end of the capture", CAPTURE_WAIT, () -> jar.count("Capture ended") == 1);
            jar.await("events.jsonl rotated once its 3 s are over, without new writes", Duration.ofSeconds(15),
                    () -> !Files.exists(out.resolve("events.jsonl")));

            assertThat(files(out, "events")).as("rotated events files").hasSizeGreaterThan(3)
                    .allMatch(file -> file.getFileName().toString().matches(
                            "events-[0-9]{8}T[0-9]{6}Z-[0-9]{8}T[0-9]{6}Z(\\.[0-9]+)?\\.jsonl\\.gz"));
            assertThat(records(out, "events")).as("events in all files").isEqualTo(capturedAdus(jar));
            assertThat(records(out, "transactions")).as("transactions in all files").isEqualTo(TRANSACTIONS);
            assertThat(records(out, "alerts")).as("alerts in all files").isEqualTo(75);
            assertThat(jar.lines(" ERROR ")).as("errors%s", jar.log()).isEmpty();
        }
    }

    @Test
    @Timeout(300)
    void retentionDeletesTheOldestRotatedFiles() throws Exception {
        Path out = temp.resolve("out");
        try (RunningJar jar = RunningJar.start(temp, temp.resolve("stderr.log"), continuousRun(out,
                "-Dmodbus.output.rotate.size=256KB", "-Dmodbus.output.retain.size=1MB"))) {
            jar.await("the end of the capture", CAPTURE_WAIT, () -> jar.count("Capture ended") == 1);
            jar.await("retention after the last rotation", Duration.ofSeconds(10), () -> {
                try {
                    return files(out, "events").stream().mapToLong(OutputFilesIT::size).sum() <= 1 << 20;
                } catch (IOException e) {
                    return false;
                }
            });

            List<String> deleted = new ArrayList<>();
            Matcher matcher = Pattern.compile("Deleted \\S*/(events-\\S+) ").matcher(jar.stderrText());
            while (matcher.find()) {
                deleted.add(matcher.group(1));
            }
            List<String> kept = files(out, "events").stream().map(file -> file.getFileName().toString()).toList();
            assertThat(deleted).as("deleted rotated events files%s", jar.log()).isNotEmpty();
            assertThat(kept).isNotEmpty();
            assertThat(deleted.stream().map(OutputFilesIT::spanEnd).max(String::compareTo).orElseThrow())
                    .as("the newest deleted file ends no later than the oldest kept")
                    .isLessThanOrEqualTo(kept.stream().map(OutputFilesIT::spanEnd).min(String::compareTo)
                            .orElseThrow());
            assertThat(records(out, "events")).as("events kept").isPositive().isLessThan(PDUS);
        }
    }

    @Test
    @Timeout(120)
    void aPartialLastLineFromAnEarlierRunIsMovedAsideAtStart() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        String complete = "{\"SecurityAlert\":\"earlier\"}\n";
        Files.writeString(out.resolve("alerts.jsonl"), complete + "{\"SecurityAlert\":\"cut sh");
        Path sample = Path.of(System.getProperty("project.basedir", ".")).resolve("samples/seed-scenario.pcap")
                .toAbsolutePath();
        try (RunningJar jar = RunningJar.start(temp, temp.resolve("stderr.log"),
                "-Dmodbus.capture.uri=pcap:file:" + sample, "-Dmodbus.output.dir=" + out)) {
            jar.await("the sample's alert", Duration.ofSeconds(60), () -> text(out.resolve("alerts.jsonl"))
                    .endsWith("\"}\n") && text(out.resolve("alerts.jsonl")).contains("Bad login"));

            assertThat(Files.readString(out.resolve("alerts.jsonl"))).startsWith(complete);
            assertThat(jsonLines(out.resolve("alerts.jsonl"))).extracting(alert -> alert.get("SecurityAlert"))
                    .containsExactly("earlier", "Bad login");
            try (Stream<Path> aside = Files.list(out).filter(file -> file.getFileName().toString()
                    .startsWith("alerts.jsonl.partial-"))) {
                assertThat(aside.toList()).singleElement().satisfies(file ->
                        assertThat(file).hasContent("{\"SecurityAlert\":\"cut sh"));
            }
            assertThat(jar.lines("ended in a partial line")).as("warnings%s", jar.log()).hasSize(1);
        }
    }

    private static String[] continuousRun(Path out, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("-Dmodbus.capture.uri=pcap:file:" + capture,
                "-Dmodbus.output.dir=" + out, "-Dmodbus.detect.brute-force.enabled=false"));
        arguments.addAll(List.of(settings));
        return arguments.toArray(String[]::new);
    }

    private void mountTmpfs(Path folder, String size) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Files.createDirectories(folder);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        assumeTrue(exit == 0, "cannot mount a tmpfs on " + folder);
        mounted = folder;
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static long capturedAdus(RunningJar jar) {
        Matcher matcher = CAPTURED_ADUS.matcher(jar.stderrText());
        assertThat(matcher.find()).as("the capture's statistics%s", jar.log()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Map<String, Long> notWritten(RunningJar jar) {
        Map<String, Long> counts = new TreeMap<>();
        Matcher matcher = NOT_WRITTEN.matcher(jar.stderrText());
        if (matcher.find()) {
            for (String file : matcher.group(1).split(", ")) {
                String[] nameAndCount = file.trim().split(" ");
                counts.put(nameAndCount[0], Long.parseLong(nameAndCount[1]));
            }
        }
        return counts;
    }

    /** The output file and its rotated files, oldest first. */
    private static List<Path> files(Path out, String stem) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.getFileName().toString().startsWith(stem + "-2")).sorted().toList();
        }
    }

    /**
     * Records of an output in its rotated files and the current one; fails unless every line is a JSON object and
     * every file ends with a complete line.
     */
    private static long records(Path out, String stem) throws IOException {
        List<Path> all = new ArrayList<>(files(out, stem));
        if (Files.exists(out.resolve(stem + ".jsonl"))) {
            all.add(out.resolve(stem + ".jsonl"));
        }
        long records = 0;
        for (Path file : all) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                byte[] bytes = in.readAllBytes();
                assertThat(bytes.length == 0 || bytes[bytes.length - 1] == '\n').as("%s ends with a newline", file)
                        .isTrue();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                        new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                    int number = 0;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        number++;
                        try {
                            assertThat(JSON.readTree(line).isObject()).isTrue();
                        } catch (IOException e) {
                            throw new AssertionError(file + " line " + number + " is not JSON: " + line, e);
                        }
                        records++;
                    }
                }
            }
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> jsonLines(Path file) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(JSON.readValue(line, Map.class));
        }
        return records;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String spanEnd(String name) {
        return name.substring(name.indexOf('Z') + 2, name.indexOf('Z', name.indexOf('Z') + 1) + 1);
    }
}
