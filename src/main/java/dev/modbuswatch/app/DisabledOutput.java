package dev.modbuswatch.app;

/** Stands for an output that is switched off, so the routes that name its bean still start. */
final class DisabledOutput {

    private final String enabledKey;

    DisabledOutput(String enabledKey) {
        this.enabledKey = enabledKey;
    }

    public void offer(Object record) {
        throw new IllegalStateException("the output is switched off (" + enabledKey + " = false)");
    }
}
