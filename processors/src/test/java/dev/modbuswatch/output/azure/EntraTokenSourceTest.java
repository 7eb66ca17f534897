package dev.modbuswatch.output.azure;

import dev.modbuswatch.output.delivery.HttpAnswer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntraTokenSourceTest {

    private static final String SECRET = "s3cr~et&=value";
    private Instant now = Instant.parse("2026-12-01T22:00:00Z");
    private final List<String> forms = new ArrayList<>();
    private HttpAnswer reply = new HttpAnswer(200, "{\"access_token\":\"t1\",\"expires_in\":3600}", Optional.empty());

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private EntraTokenSource tokens() {
        return new EntraTokenSource("https://login.example/tenant/oauth2/v2.0/token", "client-1", SECRET,
                (url, headers, body) -> {
                    forms.add(new String(body, StandardCharsets.UTF_8));
                    return reply;
                }, clock);
    }

    @Test
    void aTokenIsKeptUntilFiveMinutesBeforeItExpires() throws Exception {
        EntraTokenSource tokens = tokens();
        assertThat(tokens.token()).isEqualTo("t1");
        assertThat(forms).containsExactly("grant_type=client_credentials&client_id=client-1"
                + "&client_secret=s3cr%7Eet%26%3Dvalue&scope=https%3A%2F%2Fmonitor.azure.com%2F%2F.default");
        now = now.plus(Duration.ofMinutes(54));
        assertThat(tokens.token()).isEqualTo("t1");
        assertThat(forms).hasSize(1);

        reply = new HttpAnswer(200, "{\"access_token\":\"t2\",\"expires_in\":3600}", Optional.empty());
        now = now.plus(Duration.ofMinutes(1));
        assertThat(tokens.token()).isEqualTo("t2");
        assertThat(forms).hasSize(2);
    }

    @Test
    void aRefusalNamesTheErrorCodeButNeverTheSecret() {
        reply = new HttpAnswer(401, "{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET
                + " is wrong\"}", Optional.empty());
        assertThatThrownBy(() -> tokens().token()).isInstanceOf(EntraTokenSource.TokenException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("invalid_client")
                .hasMessageNotContaining(SECRET);
    }
}
