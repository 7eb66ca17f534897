package dev.modbuswatch.app.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.modbuswatch.secret.KnownSecrets;

/** {@code %xEx} with the process's secrets blanked out of exception messages (see {@link KnownSecrets}). */
public final class RedactedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return KnownSecrets.redact(super.throwableProxyToString(proxy));
    }
}
