package dev.modbuswatch.app;

import dev.modbuswatch.component.pcap.PcapConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** What the camel-main route tests share: clean output files, and waiting for the capture to end. */
final class CaptureRouteTests {

    private CaptureRouteTests() {
    }

    /** The routes append: start from nothing. Call from a static initialiser, before the context starts. */
    static void deleteOutputs(String folder, String... files) {
        try {
            for (String file : files) {
                Files.deleteIfExists(Path.of(folder, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the pcap consumer has read its file and the route has processed the end of capture. */
    static void awaitEndOfCapture(CamelContext context) throws InterruptedException {
        PcapConsumer consumer = context.getRoutes().stream().map(Route::getConsumer)
                .filter(PcapConsumer.class::isInstance).map(PcapConsumer.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no pcap route"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!consumer.isEnded()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the capture did not end within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
