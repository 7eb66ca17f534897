package dev.modbuswatch.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.modbuswatch.secret.KnownSecrets;

/** {@code %msg} with the process's secrets blanked out (see {@link KnownSecrets}). */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return KnownSecrets.redact(super.convert(event));
    }
}
