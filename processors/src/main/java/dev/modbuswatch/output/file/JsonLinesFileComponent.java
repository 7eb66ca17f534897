package dev.modbuswatch.output.file;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;

/**
 * The {@code jsonl:} component: JSON-lines output files ({@code jsonl:<directory>?fileName=events.jsonl}) written in
 * whole lines, held in memory while writing fails, rotated and kept as its {@link OutputFilePolicy} says. The files
 * belong to the component, not to its endpoints, so what is held survives a route reload; a thread of its own writes
 * held records again and rotates by time. Stopping (the end of the run) writes what it can and counts the rest.
 */
public final class JsonLinesFileComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileComponent.class);

    private final OutputFilePolicy policy;
    private final Clock clock;
    private final ObjLongConsumer<String> lost;
    private final HeldRecords held;
    private final Map<Path, JsonLinesFile> files = new ConcurrentHashMap<>();
    private ScheduledExecutorService maintenance;
    private long lastMaintenanceWarning = Long.MIN_VALUE / 2;

    /** @param lost told the file name and how many records were given up, each time records are given up */
    public JsonLinesFileComponent(OutputFilePolicy policy, Clock clock, ObjLongConsumer<String> lost) {
        this.policy = policy;
        this.clock = clock;
        this.lost = lost;
        this.held = new HeldRecords(policy.holdBytes());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JsonLinesFileEndpoint endpoint = new JsonLinesFileEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        if (endpoint.getFileName() == null || endpoint.getFileName().isBlank()) {
            throw new IllegalArgumentException("jsonl endpoint '" + uri + "' needs a fileName");
        }
        return endpoint;
    }

    /** The file, opened once for all endpoints and reloads; a partial last line is repaired when first asked for. */
    JsonLinesFile file(Path path, HoldPriority priority) {
        return files.computeIfAbsent(path.toAbsolutePath().normalize(),
                absolute -> new JsonLinesFile(absolute, priority, policy, held, clock, lost));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        long every = policy.retryEvery().toMillis();
        maintenance = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "jsonl-files");
        maintenance.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
    }

    /** An exception thrown here would end the schedule, and with it every retry. */
    private void maintain() {
        for (JsonLinesFile file : files.values()) {
            try {
                file.maintain();
            } catch (RuntimeException e) {
                if (clock.millis() - lastMaintenanceWarning >= 60_000) {
                    lastMaintenanceWarning = clock.millis();
                    LOG.warn("Maintenance of {} failed (retried every second, logged once a minute): {}",
                            file.path(), e.toString());
                }
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (maintenance != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(maintenance);
            maintenance = null;
        }
        files.values().forEach(JsonLinesFile::close);
        String lost = files.values().stream().filter(file -> file.dropped() > 0)
                .map(file -> file.path().getFileName() + " " + file.dropped()).sorted()
                .collect(Collectors.joining(", "));
        if (!lost.isEmpty()) {
            LOG.warn("Output files: records not written in this run: {}", lost);
        }
        files.clear();
        super.doStop();
    }
}
