package dev.modbuswatch.output.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.HttpAnswer;
import dev.modbuswatch.output.delivery.HttpPost;
import dev.modbuswatch.secret.KnownSecrets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Entra ID access tokens for Azure Monitor by the client-credentials grant, kept until shortly before they expire
 * (five minutes, or half the lifetime of a shorter-lived token). Errors never show the client secret.
 */
public final class EntraTokenSource {

    public static final String SCOPE = "https://monitor.azure.com//.default";
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token endpoint did not give a token; the message says why, without secrets. */
    public static final class TokenException extends IOException {
        TokenException(String message) {
            super(message);
        }
    }

    private final String tokenUrl;
    private final String form;
    private final HttpPost http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public EntraTokenSource(String tokenUrl, String clientId, String clientSecret, HttpPost http, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(SCOPE);
        this.http = http;
        this.clock = clock;
    }

    public static String defaultTokenUrl(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token";
    }

    public synchronized String token() throws TokenException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the token, so the next call fetches a new one (after the API refused it). */
    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() throws TokenException {
        Instant asked = clock.instant();
        HttpAnswer answer = http.post(tokenUrl, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form.getBytes(StandardCharsets.UTF_8));
        if (!answer.succeeded()) {
            throw new TokenException("token request to " + tokenUrl + " failed: " + answer + errorCode(answer));
        }
        try {
            JsonNode reply = JSON.readTree(answer.body());
            String accessToken = reply.path("access_token").asText("");
            long lifetime = reply.path("expires_in").asLong(0);
            if (accessToken.isEmpty() || lifetime <= 0) {
                throw new TokenException("token reply from " + tokenUrl + " has no access_token or expires_in");
            }
            Duration valid = Duration.ofSeconds(lifetime);
            Duration margin = valid.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? valid.dividedBy(2) : REFRESH_MARGIN;
            KnownSecrets.register(accessToken);
            token = accessToken;
            refreshAt = asked.plus(valid).minus(margin);
        } catch (IOException e) {
            throw new TokenException("token reply from " + tokenUrl + " is not JSON");
        }
    }

    /** Entra's error code (such as invalid_client), never its description, which may quote the request. */
    private static String errorCode(HttpAnswer answer) {
        try {
            String code = JSON.readTree(answer.body()).path("error").asText("");
            return code.isEmpty() ? "" : " (" + code + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
