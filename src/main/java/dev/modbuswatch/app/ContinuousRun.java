package dev.modbuswatch.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the routes until SIGTERM or SIGINT. A signal stops the run the way its end would (the capture stops, the routes
 * and outputs drain) and the process exits 0, or 1 with the reason when the drain did not finish, instead of the JVM's
 * 143 or 130 for a process ended by a signal. A second signal stops at once.
 */
final class ContinuousRun {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousRun.class);

    private final MainSupport main;
    private final AtomicBoolean stopAsked = new AtomicBoolean();

    ContinuousRun(MainSupport main) {
        this.main = main;
    }

    int run() throws Exception {
        boolean ownSignals = main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy;
        if (ownSignals) {
            // Camel's own stop on a signal runs in a JVM shutdown hook, after which the exit code is the signal's.
            ((DefaultMainShutdownStrategy) main.getShutdownStrategy()).disableHangupSupport();
            Signal.handle(new Signal("TERM"), this::stop);
            Signal.handle(new Signal("INT"), this::stop);
        }
        main.run();
        CamelContext context = main.getCamelContext();
        if (context != null && context.getShutdownStrategy().isTimeoutOccurred()) {
            System.err.println("modbus-watch: the routes did not finish within the shutdown timeout of "
                    + context.getShutdownStrategy().getTimeout() + " s (camel.main.shutdown-timeout): messages in"
                    + " flight were cut off");
            return 1;
        }
        if (ownSignals && stopAsked.get()) {
            LOG.info("Stopped cleanly");
        }
        return 0;
    }

    private void stop(Signal signal) {
        if (stopAsked.compareAndSet(false, true)) {
            LOG.info("SIG{} received: stopping; the outputs deliver or spool what they hold (a second signal stops"
                    + " at once)", signal.getName());
            main.completed();
        } else {
            LOG.warn("SIG{} received again: stopping at once, without waiting for the outputs", signal.getName());
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }
}
