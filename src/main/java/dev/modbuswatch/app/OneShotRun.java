package dev.modbuswatch.app;

import dev.modbuswatch.component.pcap.CaptureStatistics;
import dev.modbuswatch.component.pcap.PcapConsumer;
import dev.modbuswatch.component.pcap.capture.CaptureFileReader;
import dev.modbuswatch.component.pcap.tcp.TrafficStatistics;
import dev.modbuswatch.output.RunSummary;
import dev.modbuswatch.output.delivery.RemoteOutput;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the routes once over a capture file and exits: 0 when the file was processed (also when it was cut short),
 * 1 when processing failed, 2 when the file cannot be read or is not a capture. On failure no output is left behind.
 */
final class OneShotRun {

    static final List<String> OUTPUT_FILES = List.of("events.jsonl", "alerts.jsonl", "transactions.jsonl",
            "anomalies.jsonl", "dead-letter.jsonl", SyslogOutputFactory.UNDELIVERED_FILE);
    private static final long PROGRESS_BAR_MIN_BYTES = 32L * 1024 * 1024;

    private final Path capture;
    private final Path output;
    private final Map<String, String> settings;
    private final Function<Map<String, String>, MainSupport> runtime;

    /** @param runtime builds the Camel runtime from the settings that override application.properties */
    OneShotRun(Path capture, Path output, Map<String, String> settings,
               Function<Map<String, String>, MainSupport> runtime) {
        this.capture = capture.toAbsolutePath();
        this.output = output.toAbsolutePath();
        this.settings = settings;
        this.runtime = runtime;
    }

    int run() throws Exception {
        try (CaptureFileReader reader = CaptureFileReader.open(capture)) {
            reader.linkType();
        } catch (IOException e) {
            System.err.println("modbus-watch: cannot read " + capture + ": " + e.getMessage());
            return 2;
        }
        Files.createDirectories(output);
        deleteOutputs();

        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.put("modbus.capture.uri", "pcap:file:" + capture);
        overrides.put("modbus.output.dir", output.toString());
        // A file is read whole in one run: no state to keep for a next one, no file to rotate.
        overrides.put("modbus.state.enabled", "false");
        overrides.put(OutputFiles.ROTATE, "false");
        MainSupport main = runtime.apply(overrides);
        CaptureCompletion completion = new CaptureCompletion(main::completed);
        ProgressDisplay progress = new ProgressDisplay();
        AtomicReference<RunSummary> summary = new AtomicReference<>();
        List<RemoteOutput> remoteOutputs = new ArrayList<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().addRoutePolicyFactory(completion);
            }

            @Override
            public void afterStart(BaseMainSupport started) {
                showProgress(started.getCamelContext(), progress);
                summary.set(started.getCamelContext().getRegistry().lookupByNameAndType("runSummary",
                        RunSummary.class));
                remoteOutputs.addAll(started.getCamelContext().getRegistry().findByType(RemoteOutput.class));
            }
        });
        try {
            main.run();
        } finally {
            progress.close();
        }

        if (!completion.ended() || completion.failure() != null) {
            deleteOutputs();
            System.err.println("modbus-watch: " + (completion.failure() != null ? completion.failure()
                    : "the run stopped before the end of " + capture));
            return 1;
        }
        System.err.println(summary(completion.statistics(), summary.get()) + deliveries(remoteOutputs));
        return 0;
    }

    /** Runs after the context stopped, so each output has delivered or spooled all it was given. */
    private static String deliveries(List<RemoteOutput> outputs) {
        return outputs.stream().sorted(Comparator.comparing(RemoteOutput::name))
                .map(output -> "\n  " + output.name() + ": " + output.summary()).collect(Collectors.joining());
    }

    private void showProgress(CamelContext context, ProgressDisplay display) {
        PcapConsumer consumer = context.getRoutes().stream().map(Route::getConsumer)
                .filter(PcapConsumer.class::isInstance).map(PcapConsumer.class::cast).findFirst().orElse(null);
        if (consumer != null && capture.toFile().length() >= PROGRESS_BAR_MIN_BYTES
                && ProgressDisplay.stderrIsTerminal()) {
            display.show(capture.getFileName().toString(), consumer::getProgress);
        }
    }

    private void deleteOutputs() throws IOException {
        for (String file : OUTPUT_FILES) {
            Files.deleteIfExists(output.resolve(file));
        }
    }

    private String summary(CaptureStatistics statistics, RunSummary routes) {
        TrafficStatistics traffic = statistics.traffic();
        StringBuilder text = new StringBuilder()
                .append("modbus-watch: ").append(capture.getFileName()).append(": ")
                .append(statistics.frames()).append(" frames, ")
                .append(traffic.adus()).append(" Modbus PDUs in ").append(traffic.connections()).append(" connections")
                .append("; events in ").append(output.resolve("events.jsonl"));
        text.append("\n  stream: ").append(traffic.retransmittedSegments()).append(" retransmitted segments dropped, ")
                .append(traffic.gaps()).append(" gaps (").append(traffic.gapBytes()).append(" bytes), ")
                .append(traffic.malformedHeaders()).append(" malformed MBAP headers (")
                .append(traffic.discardedBytes()).append(" bytes skipped), ")
                .append(traffic.incompleteAdus()).append(" incomplete ADUs, ")
                .append(statistics.framesMalformed()).append(" malformed frames");
        if (routes != null) {
            text.append("\n  transactions: ");
            routes.transactionsByStatus().forEach((status, count) -> text.append(status).append(' ').append(count)
                    .append(", "));
            text.setLength(text.length() - 2);
            text.append("\n  alerts: ").append(routes.alertsByName().isEmpty() ? "none"
                    : routes.alertsByName().entrySet().stream().map(alert -> alert.getKey() + " " + alert.getValue())
                    .collect(Collectors.joining(", ")));
            text.append("\n  malformed: ").append(routes.malformedPdus()).append(" PDUs");
            if (!routes.notWrittenByFile().isEmpty()) {
                text.append("\n  warning: records that could not be written (see the log): ")
                        .append(routes.notWrittenByFile().entrySet().stream()
                                .map(file -> file.getKey() + " " + file.getValue()).collect(Collectors.joining(", ")));
            }
            if (routes.deadLetters() > 0) {
                text.append("\n  warning: ").append(routes.deadLetters()).append(" records that failed in the routes"
                        + " are in ").append(output.resolve("dead-letter.jsonl"));
            }
        }
        if (statistics.truncatedAt() >= 0) {
            text.append("\n  warning: the file is cut short at byte offset ").append(statistics.truncatedAt());
        }
        return text.toString();
    }
}
