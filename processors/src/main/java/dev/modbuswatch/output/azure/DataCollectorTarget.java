package dev.modbuswatch.output.azure;

import dev.modbuswatch.output.delivery.DeliveryTarget;
import dev.modbuswatch.output.delivery.HttpAnswer;
import dev.modbuswatch.output.delivery.HttpPost;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Azure Log Analytics Data Collector API: a JSON array per call, signed with the workspace's shared key. */
public final class DataCollectorTarget implements DeliveryTarget {

    /** The API takes up to 30 MB per call. */
    static final int MAX_BODY_BYTES = 30_000_000;
    /** RFC 1123 with a two-digit day, as the API's examples ({@code DateTimeFormatter.RFC_1123_DATE_TIME} has one). */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);

    private final String url;
    private final String logType;
    private final String resourceId;
    private final SharedKeySigner signer;
    private final HttpPost http;
    private final Clock clock;

    /** @param resourceId the x-ms-AzureResourceId header, none when empty */
    public DataCollectorTarget(String url, String logType, String resourceId, SharedKeySigner signer, HttpPost http,
                               Clock clock) {
        this.url = url;
        this.logType = logType;
        this.resourceId = resourceId;
        this.signer = signer;
        this.http = http;
        this.clock = clock;
    }

    public static String defaultUrl(String workspaceId) {
        return "https://" + workspaceId + ".ods.opinsights.azure.com/api/logs?api-version=2016-04-01";
    }

    @Override
    public String name() {
        return "azure-data-collector";
    }

    @Override
    public int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    public byte[] body(List<String> records) {
        return JsonArrays.of(records).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public HttpAnswer post(byte[] body) {
        String date = RFC_1123.format(clock.instant().atZone(ZoneOffset.UTC));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", signer.authorization(body.length, date));
        headers.put("Log-Type", logType);
        headers.put("x-ms-date", date);
        headers.put("time-generated-field", "EventTime");
        headers.put("Content-Type", "application/json");
        if (!resourceId.isEmpty()) {
            headers.put("x-ms-AzureResourceId", resourceId);
        }
        return http.post(url, headers, body);
    }
}
