package dev.modbuswatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a route file only once an editor has finished writing it. */
class RouteFileSnapshotTest {

    private static final Duration QUIET = Duration.ofMillis(200);

    @TempDir
    Path folder;

    @Test
    void fileWrittenInTwoPiecesIsReadWhole() throws Exception {
        Path file = folder.resolve("routes.yaml");
        OutputStream out = Files.newOutputStream(file);
        out.write("- route:\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
            try (out) {
                Thread.sleep(QUIET.toMillis() / 2);
                out.write("    id: a\n".getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        RouteFileSnapshot snapshot = RouteFileSnapshot.whenSettled(file, "file:" + file, QUIET);
        rest.join();

        assertThat(snapshot.line(2)).isEqualTo("    id: a");
        assertThat(snapshot.state()).isEqualTo(RouteFileSnapshot.of(file, "file:" + file, "- route:\n    id: a\n")
                .state());
    }

    @Test
    void missingAndBlankFilesAreNotReady() throws Exception {
        Path file = folder.resolve("routes.yaml");

        assertThat(RouteFileSnapshot.whenSettled(file, "file:" + file, QUIET).isMissing()).isTrue();
        Files.writeString(file, " \n\n");
        RouteFileSnapshot blank = RouteFileSnapshot.whenSettled(file, "file:" + file, QUIET);
        assertThat(blank.isMissing()).isFalse();
        assertThat(blank.isBlank()).isTrue();
    }

    @Test
    void resourceKeepsTheFileAndTheTextRead() throws Exception {
        Path file = folder.resolve("routes.yaml");
        Files.writeString(file, "- route: {}\n");
        RouteFileSnapshot snapshot = RouteFileSnapshot.whenSettled(file, "file:routes.yaml", QUIET);
        Files.writeString(file, "changed afterwards\n");

        assertThat(snapshot.resource().getLocation()).isEqualTo("file:routes.yaml");
        assertThat(new String(snapshot.resource().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("- route: {}\n");
        assertThat(snapshot.isSourceOf(snapshot.resource())).isTrue();
        assertThat(snapshot.isSourceOf(RouteFileSnapshot.of(folder.resolve("other.yaml"), "file:other.yaml", "")
                .resource())).isFalse();
    }
}
