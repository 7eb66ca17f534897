package dev.modbuswatch.app;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** A progress bar on stderr, for long files and only when stderr is a terminal. */
final class ProgressDisplay implements AutoCloseable {

    private static final long PERMILLE = 1000;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private ProgressBar bar;
    private DoubleSupplier progress;

    /** @param progress from 0 to 1 */
    synchronized void show(String task, DoubleSupplier progress) {
        this.progress = progress;
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(PERMILLE).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        ticker.scheduleAtFixedRate(() -> step(progress.getAsDouble()), 200, 200, TimeUnit.MILLISECONDS);
    }

    private synchronized void step(double progress) {
        if (bar != null) {
            bar.stepTo(Math.round(Math.max(0, Math.min(1, progress)) * PERMILLE));
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (bar != null) {
            step(progress.getAsDouble());
            bar.close();
            bar = null;
        }
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc; elsewhere: whether there is a console at all). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
