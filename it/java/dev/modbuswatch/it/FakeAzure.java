package dev.modbuswatch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for Azure: the Data Collector API ({@code /api/logs}), the Logs Ingestion API
 * ({@code /dataCollectionRules/...}) and the Entra ID token endpoint ({@code /token}), checking what the real ones
 * check (the SharedKey signature recomputed here, Content-Type, the bearer token it issued, gzip and size), and
 * answering with the faults queued in {@link #faults}. Everything wrong is kept in {@link #problems}.
 */
final class FakeAzure implements AutoCloseable {

    static final String WORKSPACE = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    static final String SHARED_KEY = Base64.getEncoder().encodeToString(
            "fake-azure-shared-key-0123456789".getBytes(StandardCharsets.US_ASCII));
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT_ID = "c0ffee00-0000-4000-8000-000000000001";
    static final String CLIENT_SECRET = "fake~client~secret~Qx7";
    static final String DCR = "dcr-00000000000000000000000000000001";
    static final String STREAM = "Custom-ModbusWatch_CL";
    static final Set<String> DATA_COLLECTOR_HEADERS = Set.of("authorization", "log-type", "x-ms-date",
            "time-generated-field", "content-type", "content-length", "host", "connection", "user-agent",
            "accept-encoding");

    /** What to answer next, one per call to the APIs (not the token endpoint); an empty queue answers 200. */
    enum Fault { TOO_MANY_REQUESTS, SERVER_ERROR, UNAVAILABLE, TIMEOUT, TOO_LARGE }

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** Every record accepted (answered 2xx), by API. */
    final List<JsonNode> dataCollectorRecords = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> ingestionRecords = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<Long> tooManyRequestsAnsweredAt = Collections.synchronizedList(new ArrayList<>());
    final List<Long> callsAt = Collections.synchronizedList(new ArrayList<>());
    final Set<String> issuedTokens = Collections.synchronizedSet(new java.util.HashSet<>());
    /** The Authorization header of every call to the APIs, as received. */
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final long timeoutMillis;
    private final HttpServer server;
    private final String scheme;

    /** @param timeoutMillis how long a TIMEOUT fault keeps the caller waiting */
    FakeAzure(int port, long timeoutMillis) throws IOException {
        this(port, timeoutMillis, null);
    }

    /** @param tls when not null, serves HTTPS with it */
    FakeAzure(int port, long timeoutMillis, SSLContext tls) throws IOException {
        this.timeoutMillis = timeoutMillis;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            server = HttpServer.create(address, 50);
        } else {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        scheme = tls == null ? "http" : "https";
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/logs", exchange -> handle(exchange, this::dataCollector));
        server.createContext("/dataCollectionRules/", exchange -> handle(exchange, this::ingestion));
        server.createContext("/token", exchange -> handle(exchange, this::token));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String dataCollectorUrl() {
        return scheme + "://127.0.0.1:" + port() + "/api/logs?api-version=2016-04-01";
    }

    String endpoint() {
        return scheme + "://127.0.0.1:" + port();
    }

    String tokenUrl() {
        return scheme + "://127.0.0.1:" + port() + "/token";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Handler {
        void handle(HttpExchange exchange, byte[] body) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                problems.add(exchange.getRequestURI() + ": method " + exchange.getRequestMethod());
                answer(exchange, 405, "POST only");
                return;
            }
            handler.handle(exchange, body);
        } catch (RuntimeException e) {
            problems.add(exchange.getRequestURI() + ": " + e);
            throw e;
        }
    }

    /** Answers the next fault, if any; returns true when it did. */
    private boolean fault(HttpExchange exchange) throws IOException {
        callsAt.add(System.currentTimeMillis());
        Fault fault = faults.poll();
        if (fault == null) {
            return false;
        }
        switch (fault) {
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().add("Retry-After", "2");
                tooManyRequestsAnsweredAt.add(System.currentTimeMillis());
                answer(exchange, 429, "{\"error\":\"throttled\"}");
            }
            case SERVER_ERROR -> answer(exchange, 500, "{\"error\":\"internal\"}");
            case UNAVAILABLE -> answer(exchange, 503, "{\"error\":\"unavailable\"}");
            case TOO_LARGE -> answer(exchange, 413, "{\"error\":\"request entity too large\"}");
            case TIMEOUT -> {
                try {
                    Thread.sleep(timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 503, "{\"error\":\"too late\"}");
            }
        }
        return true;
    }

    private void dataCollector(HttpExchange exchange, byte[] body) throws IOException {
        String date = exchange.getRequestHeaders().getFirst("x-ms-date");
        String expected = "SharedKey " + WORKSPACE + ":" + sign("POST\n" + body.length + "\napplication/json\nx-ms-date:"
                + date + "\n/api/logs");
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        check(exchange, "Authorization", expected);
        check(exchange, "Content-Type", "application/json");
        check(exchange, "Log-Type", "ModbusWatch");
        check(exchange, "time-generated-field", "EventTime");
        if (!"/api/logs".equals(exchange.getRequestURI().getPath())
                || !"api-version=2016-04-01".equals(exchange.getRequestURI().getQuery())) {
            problems.add("Data Collector URL " + exchange.getRequestURI());
        }
        for (String header : exchange.getRequestHeaders().keySet()) {
            if (!DATA_COLLECTOR_HEADERS.contains(header.toLowerCase())) {
                problems.add("Data Collector: unexpected header " + header);
            }
        }
        if (body.length >= 30_000_000) {
            problems.add("Data Collector call of " + body.length + " bytes");
        }
        if (fault(exchange)) {
            return;
        }
        JSON.readTree(body).forEach(dataCollectorRecords::add);
        answer(exchange, 200, "");
    }

    private void ingestion(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/dataCollectionRules/" + DCR + "/streams/" + STREAM)
                || !"api-version=2023-01-01".equals(exchange.getRequestURI().getQuery())) {
            problems.add("Logs Ingestion URL " + exchange.getRequestURI());
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization);
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !issuedTokens.contains(authorization.substring(7))) {
            problems.add("Logs Ingestion: bearer token not one issued: " + authorization);
            answer(exchange, 401, "{\"error\":\"InvalidToken\"}");
            return;
        }
        check(exchange, "Content-Type", "application/json");
        check(exchange, "Content-Encoding", "gzip");
        if (body.length >= 1_000_000) {
            problems.add("Logs Ingestion call of " + body.length + " bytes compressed");
        }
        if (fault(exchange)) {
            return;
        }
        byte[] json = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        for (JsonNode row : JSON.readTree(json)) {
            row.fieldNames().forEachRemaining(name -> {
                if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,44}")) {
                    problems.add("Logs Ingestion: column name " + name);
                }
            });
            ingestionRecords.add(row);
        }
        answer(exchange, 204, "");
    }

    private void token(HttpExchange exchange, byte[] body) throws IOException {
        check(exchange, "Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        if (!form.equals(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "scope", "https://monitor.azure.com//.default"))) {
            problems.add("token request form " + form.keySet());
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "token-" + tokensIssued.incrementAndGet() + "-" + System.nanoTime();
        issuedTokens.add(token);
        answer(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}");
    }

    private void check(HttpExchange exchange, String header, String expected) {
        List<String> values = exchange.getRequestHeaders().get(header);
        if (values == null || values.size() != 1 || !values.get(0).equals(expected)) {
            problems.add(exchange.getRequestURI().getPath() + ": " + header + " is " + values + ", expected " + expected);
        }
    }

    private static String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SHARED_KEY), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            if (!e.getMessage().contains("Broken pipe") && !e.getMessage().contains("reset")) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
