package dev.modbuswatch.app;

import dev.modbuswatch.secret.KnownSecrets;
import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The Quarkus runtime's counterpart of the camel-main runtime's redacting log pattern: every console log record's
 * message with the process's secrets blanked out (see {@link KnownSecrets}); quarkus.log.console.filter names it.
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
        return true;
    }
}
