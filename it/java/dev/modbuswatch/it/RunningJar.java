package dev.modbuswatch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar modbus-watch.jar ARGS} in its continuous run, as a real process with its stderr in a file: stopped
 * as a service manager does (SIGTERM) or killed (SIGKILL), and killed on close if still running.
 */
final class RunningJar implements AutoCloseable {

    /** How long {@link #await} waits: a start-up on a busy machine takes several seconds. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path stderr;

    private RunningJar(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static RunningJar start(Path workingDirectory, Path stderr, String... arguments) throws IOException {
        Path jar = Path.of(System.getProperty("modbuswatch.jar", "target/modbus-watch.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        return new RunningJar(process, stderr);
    }

    /** Waits until the log shows the capture running, {@code times} times in all (a capture route restart adds one). */
    void awaitCapturing(int times) throws InterruptedException {
        await("the capture to start" + (times > 1 ? " again" : ""), () -> count("Capturing Modbus/TCP") >= times);
    }

    void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, WAIT, condition);
    }

    void await(String what, Duration wait, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("modbus-watch exited with " + process.exitValue() + " while waiting for "
                        + what + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + wait.toSeconds() + " s waiting for " + what + log());
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM, then waits for the graceful stop. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("modbus-watch did not stop within " + WAIT.toSeconds() + " s of SIGTERM" + log());
        }
    }

    /** SIGKILL (kill -9): nothing runs on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive() && ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    Instant startInstant() {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().startInstant()).orElse(null);
    }

    int count(String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(stderrText());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    List<String> lines(String text) {
        return stderrText().lines().filter(line -> line.contains(text)).toList();
    }

    /** The child's stderr, for assertion messages. */
    String log() {
        return "\n--- modbus-watch stderr (" + stderr + ") ---\n" + stderrText();
    }

    String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("modbus-watch (PID " + process.pid() + ") did not end after SIGKILL");
        }
    }
}
