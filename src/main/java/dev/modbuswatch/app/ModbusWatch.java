package dev.modbuswatch.app;

import org.apache.camel.main.MainSupport;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Command line entry point: a one-shot run over a capture file, or the routes of application.properties. */
@Command(name = "modbus-watch", mixinStandardHelpOptions = true, version = "modbus-watch 0.1.0",
         description = "Passive Modbus/TCP security monitoring as Apache Camel routes.")
public final class ModbusWatch implements Callable<Integer> {

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Run once over this pcap or pcapng file and exit when it is done.")
    private Path capture;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
            description = "Directory for the output files of a one-shot run (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Option(names = "--dev",
            description = "Development mode for the continuous run: reload the routes when a file in routes/ changes.")
    private boolean dev;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Override a setting of application.properties.")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

    private final Function<Map<String, String>, MainSupport> runtime;

    /** @param runtime builds the Camel runtime (camel-main or Camel Quarkus) from the overriding settings */
    ModbusWatch(Function<Map<String, String>, MainSupport> runtime) {
        this.runtime = runtime;
    }

    public static void main(String[] args) {
        System.exit(execute(CamelMainFactory::create, args));
    }

    /** Parses the command line and runs it on the given runtime; returns the exit code. */
    static int execute(Function<Map<String, String>, MainSupport> runtime, String... args) {
        return new CommandLine(new ModbusWatch(runtime))
                .setExecutionExceptionHandler(ModbusWatch::reportFailure)
                .execute(args);
    }

    /**
     * One clear line for the user: the message of our own innermost exception (it names the setting or file), else
     * Camel's message with its root cause. The stack trace only at debug level.
     */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        Throwable ours = null;
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().startsWith("dev.modbuswatch.")) {
                ours = cause;
            }
            root = cause;
        }
        String message = ours != null ? ours.getMessage()
                : root == failure ? failure.getMessage() : failure.getMessage() + ": " + root.getMessage();
        System.err.println("modbus-watch: " + message);
        LoggerFactory.getLogger(ModbusWatch.class).debug("Failure", failure);
        return 1;
    }

    @Override
    public Integer call() throws Exception {
        if (capture != null) {
            if (dev) {
                throw new ParameterException(spec.commandLine(), "--dev reloads the routes of the continuous run;"
                        + " it cannot be combined with --capture");
            }
            return new OneShotRun(capture, output, settings, runtime).run();
        }
        if (dev) {
            settings.putIfAbsent(CamelMainFactory.RELOAD_ENABLED, "true");
        }
        return new ContinuousRun(runtime.apply(settings)).run();
    }
}
