package dev.modbuswatch.app;

import dev.modbuswatch.secret.KnownSecrets;
import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The Quarkus runtime's counterpart of the camel-main runtime's redacting log pattern: every console log record's
 * message and exception with the process's secrets blanked out (see {@link KnownSecrets}); quarkus.log.console.filter
 * names it.
 */
@LoggingFilter(name = "modbus-watch-secrets")
public final class RedactedLogRecords implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord extended) {
            String message = extended.getFormattedMessage();
            String redacted = KnownSecrets.redact(message);
            if (message != null && !message.equals(redacted)) {
                extended.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                extended.setParameters(null);
            }
        }
        if (record.getThrown() != null) {
            record.setThrown(RedactedThrowable.of(record.getThrown(), 0));
        }
        return true;
    }

    /** An exception as logged: the original's stack trace, its text (class and message) with secrets blanked out. */
    private static final class RedactedThrowable extends RuntimeException {

        private static final int DEEPEST_CAUSE = 16;
        private final String text;

        private RedactedThrowable(Throwable original, Throwable cause) {
            super(KnownSecrets.redact(original.getMessage()), cause, false, true);
            this.text = KnownSecrets.redact(original.toString());
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original, int depth) {
            if (original == null || original instanceof RedactedThrowable) {
                return original;
            }
            Throwable cause = original.getCause() == null || original.getCause() == original
                    || depth >= DEEPEST_CAUSE ? null : of(original.getCause(), depth + 1);
            return new RedactedThrowable(original, cause);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
