package dev.modbuswatch.app;

import dev.modbuswatch.correlate.CaptureClock;
import dev.modbuswatch.correlate.CaptureEnd;
import dev.modbuswatch.correlate.CaptureTimeCompletion;
import dev.modbuswatch.correlate.MalformedPdu;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.correlate.PendingGroups;
import dev.modbuswatch.correlate.PendingRequests;
import dev.modbuswatch.correlate.TransactionAggregation;
import dev.modbuswatch.correlate.TransactionKey;
import dev.modbuswatch.correlate.UnseenTraffic;
import dev.modbuswatch.detect.BadLoginDetector;
import dev.modbuswatch.detect.BruteForceDetector;
import dev.modbuswatch.detect.DeviceRules;
import dev.modbuswatch.detect.HoldingRegisterWrites;
import dev.modbuswatch.detect.ProfileDeviceRules;
import dev.modbuswatch.detect.LoginBurst;
import dev.modbuswatch.detect.LoginBurstAggregation;
import dev.modbuswatch.detect.PassphraseMask;
import dev.modbuswatch.detect.PassphraseRedaction;
import dev.modbuswatch.detect.ProtocolAnomalyDetector;
import dev.modbuswatch.detect.UnansweredWriteDetector;
import dev.modbuswatch.detect.UnauthorizedWriteDetector;
import dev.modbuswatch.event.AnomalyEventMapper;
import dev.modbuswatch.event.EventTimeFormat;
import dev.modbuswatch.event.ModbusEventMapper;
import dev.modbuswatch.event.TransactionRecordMapper;
import dev.modbuswatch.output.DeadLetterRecords;
import dev.modbuswatch.output.JsonLinesAggregation;
import dev.modbuswatch.output.RunSummary;
import dev.modbuswatch.output.syslog.SyslogOutput;
import dev.modbuswatch.profile.DeviceProfiles;
import dev.modbuswatch.profile.RegisterEnrichment;
import dev.modbuswatch.state.PipelineState;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.processor.aggregate.DefaultAggregateController;
import org.apache.camel.processor.aggregate.UseOriginalAggregationStrategy;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The beans the routes refer to by name, built from the settings in application.properties. */
public class ModbusWatchConfiguration implements CamelConfiguration {

    private static final String TIME_ZONE = "modbus.event.time-zone";
    private static final String BATCH_SIZE = "modbus.capture.batch-size";
    private static final String CORRELATION_TIMEOUT = "modbus.correlation.timeout";
    private static final String STATE_ENABLED = "modbus.state.enabled";
    private static final String STATE_INTERVAL = "modbus.state.snapshot-interval";
    /** In the output directory, beside the files the run writes. */
    private static final String STATE_FILE = "pipeline-state.json";
    /**
     * Camel runs a batch's split parts, their correlation and what a completed transaction goes through in one call
     * chain on the route thread, so the stack it needs grows with the batch: 1,375 ADUs per batch ran, 1,500 overflowed
     * the default 1 MiB thread stack (the batch failed; before RouteHandOff caught Errors, the run hung).
     */
    private static final int MOST_ADUS_PER_BATCH = 1000;
    /** On/off settings the routes read directly; checked at startup so a typo fails with the key's name. */
    private static final List<String> SWITCHES = List.of("modbus.output.transactions.enabled",
            "modbus.detect.bad-login.enabled", "modbus.detect.brute-force.enabled",
            "modbus.detect.unauthorized-write.enabled", "modbus.detect.unanswered-write.enabled",
            "modbus.detect.protocol-anomaly.enabled", "modbus.output.syslog.enabled", STATE_ENABLED);

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        for (String key : SWITCHES) {
            Settings.flag(key, camelContext.getPropertiesComponent().resolveProperty(key).orElse(null));
        }
        Settings.countUpTo(BATCH_SIZE, camelContext.getPropertiesComponent().resolveProperty(BATCH_SIZE).orElse(null),
                MOST_ADUS_PER_BATCH, "the routes' stack depth grows with the batch");
        new AzureOutputs(camelContext).register();
        syslogOutput(camelContext);
        camelContext.addComponent("jsonl", OutputFiles.component(camelContext.getPropertiesComponent(), runSummary));
        pipelineState(camelContext);
    }

    /**
     * Kept across restarts in the continuous run (saved in the output directory); the one-shot run switches it off. A
     * service, so that it restores before the capture starts and saves after the routes stopped.
     */
    private void pipelineState(CamelContext camelContext) throws Exception {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        UnseenTraffic unseen = unseenTraffic(properties.resolveProperty(CORRELATION_TIMEOUT).orElse(null));
        Path file = null;
        long interval = 0;
        if (Settings.flag(STATE_ENABLED, properties.resolveProperty(STATE_ENABLED).orElse(null))) {
            file = Path.of(properties.resolveProperty("modbus.output.dir").orElse("data"), STATE_FILE);
            interval = Settings.positiveMillis(STATE_INTERVAL, properties.resolveProperty(STATE_INTERVAL).orElse(null));
        }
        PipelineState state = new PipelineState(file, interval, transactionRepository, loginBurstRepository, unseen);
        camelContext.getRegistry().bind("pipelineState", state);
        camelContext.addService(state, true, false);
    }

    /** A switched-off output is a {@link DisabledOutput}, so the routes that name it still start. */
    private void syslogOutput(CamelContext camelContext) throws Exception {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        if (!SyslogOutputFactory.enabled(properties)) {
            camelContext.getRegistry().bind("syslogOutput", new DisabledOutput(SyslogOutputFactory.PREFIX + "enabled"));
            return;
        }
        SyslogOutput output = new SyslogOutputFactory(properties).create();
        camelContext.getRegistry().bind("syslogOutput", output);
        camelContext.addService(output, true, true);
    }

    private final RunSummary runSummary = new RunSummary();
    private final PendingGroups transactionRepository = new PendingGroups();
    private final AggregateController transactionController = new DefaultAggregateController();
    private final AggregateController transactionLinesController = new DefaultAggregateController();
    private final PendingGroups loginBurstRepository = new PendingGroups();
    private final AggregateController loginBurstController = new DefaultAggregateController();
    private DeviceProfiles profiles;
    private CaptureTimeCompletion transactionCompletion;
    private UnseenTraffic unseenTraffic;
    private CaptureClock captureClock;

    // Events

    @BindToRegistry("modbusEvent")
    public ModbusEventMapper modbusEvent(@PropertyInject("modbus.event.time-zone") String zone,
                                         @PropertyInject("modbus.event.source-module-name") String moduleName) {
        return new ModbusEventMapper(Settings.timeZone(TIME_ZONE, zone), moduleName);
    }

    @BindToRegistry("anomalyEvent")
    public AnomalyEventMapper anomalyEvent(@PropertyInject("modbus.event.time-zone") String zone,
                                           @PropertyInject("modbus.event.source-module-name") String moduleName) {
        return new AnomalyEventMapper(Settings.timeZone(TIME_ZONE, zone), moduleName);
    }

    @BindToRegistry("transactionRecord")
    public TransactionRecordMapper transactionRecord(@PropertyInject("modbus.event.time-zone") String zone,
                                                     @PropertyInject("modbus.event.source-module-name") String name) {
        return new TransactionRecordMapper(Settings.timeZone(TIME_ZONE, zone), name);
    }

    @BindToRegistry("runSummary")
    public RunSummary runSummary() {
        return runSummary;
    }

    @BindToRegistry("deadLetterRecords")
    public DeadLetterRecords deadLetterRecords(@PropertyInject("modbus.event.time-zone") String zone) {
        return new DeadLetterRecords(Settings.timeZone(TIME_ZONE, zone));
    }

    @BindToRegistry("jsonLines")
    public JsonLinesAggregation jsonLines() {
        return new JsonLinesAggregation();
    }

    // Correlation

    @BindToRegistry("transactionKey")
    public TransactionKey transactionKey() {
        return new TransactionKey();
    }

    @BindToRegistry("malformedPdu")
    public MalformedPdu malformedPdu() {
        return new MalformedPdu();
    }

    @BindToRegistry("transactionAggregation")
    public TransactionAggregation transactionAggregation(@PropertyInject(CORRELATION_TIMEOUT) String timeout) {
        return new TransactionAggregation(unseenTraffic(timeout));
    }

    @BindToRegistry("transactionRepository")
    public PendingGroups transactionRepository() {
        return transactionRepository;
    }

    /** Times the sensor missed traffic (gaps, restarts): the capture route reports them, correlation asks. */
    @BindToRegistry("unseenTraffic")
    public UnseenTraffic unseenTrafficBean(@PropertyInject(CORRELATION_TIMEOUT) String timeout) {
        return unseenTraffic(timeout);
    }

    private UnseenTraffic unseenTraffic(String timeout) {
        if (unseenTraffic == null) {
            unseenTraffic = new UnseenTraffic(transactionRepository, Settings.positiveMillis(CORRELATION_TIMEOUT,
                    timeout));
        }
        return unseenTraffic;
    }

    @BindToRegistry("transactionController")
    public AggregateController transactionController() {
        return transactionController;
    }

    @BindToRegistry("transactionLinesController")
    public AggregateController transactionLinesController() {
        return transactionLinesController;
    }

    /**
     * Runs an aggregator's completions in the thread that completed the group, so a transaction's detections tag the
     * response event before the event is written, and completions keep capture order.
     */
    @BindToRegistry("inCallingThread")
    public ExecutorService inCallingThread() {
        return new SynchronousExecutorService();
    }

    /** For a multicast whose branches only write elsewhere: the message goes on unchanged. */
    @BindToRegistry("keepOriginal")
    public UseOriginalAggregationStrategy keepOriginal() {
        return new UseOriginalAggregationStrategy();
    }

    @BindToRegistry("captureClock")
    public CaptureClock captureClockBean(@PropertyInject(CORRELATION_TIMEOUT) String timeout,
                                         @PropertyInject("modbus.detect.brute-force.window") String window) {
        return captureClock(timeout, window);
    }

    @BindToRegistry("captureEnd")
    public CaptureEnd captureEnd(@PropertyInject(CORRELATION_TIMEOUT) String timeout,
                                 @PropertyInject("modbus.detect.brute-force.window") String window) {
        return new CaptureEnd(captureClock(timeout, window), unseenTraffic(timeout));
    }

    private CaptureClock captureClock(String timeout, String window) {
        if (captureClock == null) {
            long windowMillis = Settings.positiveMillis("modbus.detect.brute-force.window", window);
            captureClock = new CaptureClock(List.of(transactionCompletion(timeout),
                    new CaptureTimeCompletion(loginBurstRepository, loginBurstController, windowMillis,
                            body -> ((LoginBurst) body).newest())));
        }
        return captureClock;
    }

    @BindToRegistry("pendingRequests")
    public PendingRequests pendingRequests(@PropertyInject("modbus.correlation.timeout") String timeout) {
        return new PendingRequests(new TransactionKey(), transactionCompletion(timeout));
    }

    /** One completion for the transaction aggregator, shared by the clock and by superseding requests. */
    private CaptureTimeCompletion transactionCompletion(String timeout) {
        if (transactionCompletion == null) {
            transactionCompletion = new CaptureTimeCompletion(transactionRepository, transactionController,
                    Settings.positiveMillis("modbus.correlation.timeout", timeout),
                    body -> ((ModbusTransaction) body).first().captureNanos());
        }
        return transactionCompletion;
    }

    // Detections

    @BindToRegistry("holdingRegisterWrites")
    public HoldingRegisterWrites holdingRegisterWrites() {
        return new HoldingRegisterWrites();
    }

    @BindToRegistry("badLogin")
    public BadLoginDetector badLogin(@PropertyInject("modbus.profiles.file") String profilesFile,
                                     @PropertyInject("modbus.detect.bad-login.mask-key") String maskKey,
                                     @PropertyInject("modbus.detect.bad-login.show-passphrase") String show) {
        return new BadLoginDetector(deviceRules(profilesFile), passphraseMask(maskKey, show));
    }

    @BindToRegistry("passphraseRedaction")
    public PassphraseRedaction passphraseRedaction(@PropertyInject("modbus.profiles.file") String profilesFile,
                                                   @PropertyInject("modbus.detect.bad-login.mask-key") String maskKey,
                                                   @PropertyInject("modbus.detect.bad-login.show-passphrase")
                                                   String show) {
        return new PassphraseRedaction(deviceRules(profilesFile), passphraseMask(maskKey, show));
    }

    private static PassphraseMask passphraseMask(String key, String show) {
        return new PassphraseMask(key, Settings.flag("modbus.detect.bad-login.show-passphrase", show));
    }

    @BindToRegistry("unansweredWrite")
    public UnansweredWriteDetector unansweredWrite(@PropertyInject("modbus.profiles.file") String profilesFile) {
        return new UnansweredWriteDetector(deviceRules(profilesFile));
    }

    @BindToRegistry("unauthorizedWrite")
    public UnauthorizedWriteDetector unauthorizedWrite(
            @PropertyInject("modbus.profiles.file") String profilesFile,
            @PropertyInject("modbus.detect.unauthorized-write.login-window") String window) {
        return new UnauthorizedWriteDetector(deviceRules(profilesFile),
                Settings.positiveMillis("modbus.detect.unauthorized-write.login-window", window));
    }

    // Device profiles

    @BindToRegistry("registerEnrichment")
    public RegisterEnrichment registerEnrichment(@PropertyInject("modbus.profiles.file") String profilesFile) {
        return new RegisterEnrichment(profiles(profilesFile));
    }

    @BindToRegistry("protocolAnomaly")
    public ProtocolAnomalyDetector protocolAnomaly(
            @PropertyInject("modbus.detect.protocol-anomaly.interval") String interval) {
        return new ProtocolAnomalyDetector(Settings.positiveMillis("modbus.detect.protocol-anomaly.interval", interval));
    }

    @BindToRegistry("loginBursts")
    public LoginBurstAggregation loginBursts(@PropertyInject("modbus.detect.brute-force.window") String window) {
        return new LoginBurstAggregation(Settings.positiveMillis("modbus.detect.brute-force.window", window));
    }

    @BindToRegistry("loginBurstRepository")
    public PendingGroups loginBurstRepository() {
        return loginBurstRepository;
    }

    @BindToRegistry("loginBurstController")
    public AggregateController loginBurstController() {
        return loginBurstController;
    }

    @BindToRegistry("bruteForce")
    public BruteForceDetector bruteForce(@PropertyInject("modbus.detect.brute-force.threshold") String threshold,
                                         @PropertyInject("modbus.detect.brute-force.window") String window) {
        return new BruteForceDetector(Settings.positiveCount("modbus.detect.brute-force.threshold", threshold),
                Settings.positiveMillis("modbus.detect.brute-force.window", window));
    }

    private DeviceRules deviceRules(String profilesFile) {
        return new ProfileDeviceRules(profiles(profilesFile));
    }

    /** Loaded once, however many beans need them. */
    private DeviceProfiles profiles(String profilesFile) {
        if (profiles == null) {
            profiles = DeviceProfilesFile.load(profilesFile);
        }
        return profiles;
    }
}
