package dev.modbuswatch.output.azure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.output.delivery.DeliveryTarget;
import dev.modbuswatch.output.delivery.HttpAnswer;
import dev.modbuswatch.output.delivery.HttpPost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The Azure Monitor Logs Ingestion API: a gzip-compressed JSON array per call, under 1 MB compressed, with field names
 * mapped to column names ({@link ColumnNames}) and an Entra ID bearer token.
 */
public final class LogsIngestionTarget implements DeliveryTarget {

    /** The API takes up to 1 MB per call (compressed); kept a little under it. */
    static final int MAX_BODY_BYTES = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private final String url;
    private final EntraTokenSource tokens;
    private final HttpPost http;
    private final ColumnNames columns = new ColumnNames();

    public LogsIngestionTarget(String url, EntraTokenSource tokens, HttpPost http) {
        this.url = url;
        this.tokens = tokens;
        this.http = http;
    }

    public static String url(String endpoint, String dcrImmutableId, String stream) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + "/dataCollectionRules/" + dcrImmutableId + "/streams/" + stream + "?api-version=2023-01-01";
    }

    @Override
    public String name() {
        return "azure-ingestion";
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public byte[] body(List<String> records) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (String record : records) {
            rows.add(columns.map(JSON.readValue(record, RECORD)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, rows);
        }
        return bytes.toByteArray();
    }

    @Override
    public HttpAnswer post(byte[] body) {
        String token;
        try {
            token = tokens.token();
        } catch (EntraTokenSource.TokenException e) {
            return HttpAnswer.unreachable(e.getMessage());
        }
        HttpAnswer answer = http.post(url, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Content-Encoding", "gzip"), body);
        if (answer.status() == 401) {
            tokens.invalidate();
            return HttpAnswer.unreachable("the token was refused (HTTP 401), a new one is fetched");
        }
        return answer;
    }
}
