package dev.modbuswatch.app;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
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
        // A signal, or a restart in dev mode, asks Quarkus to exit; Quarkus then waits for run() to return, so the
        // routes have to be stopped from here (ShutdownEvent comes only after run() returned).
        Thread exit = new Thread(() -> {
            Quarkus.waitForExit();
            camelMain.completed();
        }, "modbus-watch-exit");
        exit.setDaemon(true);
        exit.start();
        return ModbusWatch.execute(overrides -> CamelMainFactory.configure(camelMain, overrides), args);
    }
}
