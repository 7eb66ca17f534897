package dev.modbuswatch.app;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.quarkus.main.CamelMain;

/**
 * The Quarkus entry point: the same command line as {@link ModbusWatch}, run on Camel Quarkus's CamelMain, which
 * {@link CamelMainFactory#configure} sets up exactly like the camel-main runtime (beans, settings, routes).
 * Camel Quarkus's own bootstrap is off (quarkus.camel.bootstrap.enabled=false), so the command decides when and with
 * which settings the context starts.
 */
@QuarkusMain
public class QuarkusModbusWatch implements QuarkusApplication {

    @Inject
    CamelMain camelMain;

    @Override
    public int run(String... args) {
        return ModbusWatch.execute(overrides -> CamelMainFactory.configure(camelMain, overrides), args);
    }

    /** A signal, or a restart in dev mode, ends the continuous run. */
    void stopRoutes(@Observes ShutdownEvent shutdown) {
        camelMain.completed();
    }
}
