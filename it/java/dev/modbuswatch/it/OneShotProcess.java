package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar the way a user does: {@code java -jar modbus-watch.jar --capture F --output D}. */
record OneShotProcess(int exitCode, String stderr, String stdout, Path output) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OneShotProcess run(Path capture, Path output, String... extraArguments) throws Exception {
        return run(Map.of(), capture, output, extraArguments);
    }

    /** @param environment variables added to the process's environment */
    static OneShotProcess run(Map<String, String> environment, Path capture, Path output, String... extraArguments)
            throws Exception {
        return run(Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")), environment, capture,
                output, extraArguments);
    }

    /** The same with another runnable jar, such as the Quarkus runtime's quarkus-run.jar. */
    static OneShotProcess run(Path jar, Path capture, Path output, String... extraArguments) throws Exception {
        return run(jar, Map.of(), capture, output, extraArguments);
    }

    private static OneShotProcess run(Path jar, Map<String, String> environment, Path capture, Path output,
                                      String... extraArguments) throws Exception {
        assertThat(jar).as("the packaged jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--capture", capture.toString(), "--output", output.toString()));
        command.addAll(List.of(extraArguments));
        Path stderr = Files.createTempFile("modbus-watch", ".stderr");
        Path stdout = Files.createTempFile("modbus-watch", ".stdout");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("project.basedir", ".")).toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("one-shot run on " + capture + " did not finish within 5 minutes");
        }
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        String printed = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.delete(stderr);
        Files.delete(stdout);
        return new OneShotProcess(process.exitValue(), errors, printed, output);
    }

    List<Map<String, String>> events() throws IOException {
        return jsonLines("events.jsonl");
    }

    List<Map<String, String>> anomalies() throws IOException {
        return jsonLines("anomalies.jsonl");
    }

    /** The records of one output file; none when the run did not write it. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> jsonLines(String name) throws IOException {
        Path file = output.resolve(name);
        List<Map<String, String>> records = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(JSON.readValue(line, Map.class));
            }
        }
        return records;
    }
}
