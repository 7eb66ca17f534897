package dev.modbuswatch.app;

import dev.modbuswatch.output.delivery.HttpAnswer;
import dev.modbuswatch.output.delivery.HttpPost;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP POST through a route (routes/modbus-events.yaml, the {@code *-post} routes), which keeps only the API's
 * headers and calls camel-http. The URL goes in the CamelHttpUri header; a failure to connect comes back as the
 * exception the route's error handling caught.
 */
final class CamelHttpPost implements HttpPost {

    private final ProducerTemplate template;
    private final String route;

    CamelHttpPost(ProducerTemplate template, String route) {
        this.template = template;
        this.route = route;
    }

    @Override
    public HttpAnswer post(String url, Map<String, String> headers, byte[] body) {
        String encoding = headers.get("Content-Encoding");
        Exchange reply = template.request(route, exchange -> {
            // camel-http compresses a byte[] body itself when Content-Encoding is gzip; this one already is.
            exchange.getIn().setBody(encoding == null ? body
                    : new ByteArrayEntity(body, ContentType.parse(headers.get("Content-Type")), encoding));
            exchange.getIn().setHeader(Exchange.HTTP_URI, url);
            headers.forEach(exchange.getIn()::setHeader);
        });
        Exception failure = reply.getException() != null ? reply.getException()
                : reply.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            return HttpAnswer.unreachable(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        Integer status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            return HttpAnswer.unreachable("no HTTP status from " + url);
        }
        return new HttpAnswer(status, reply.getMessage().getBody(String.class),
                retryAfter(reply.getMessage().getHeader("Retry-After", String.class)));
    }

    /** Retry-After: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
