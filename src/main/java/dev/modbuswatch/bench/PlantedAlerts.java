package dev.modbuswatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modbuswatch.event.EventTimeFormat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bad logins that {@link SyntheticCaptureGenerator} planted, one JSON line each in {@code FILE.planted.jsonl},
 * and the check that a run's {@code alerts.jsonl} holds exactly those: one {@code Bad login} alert for each, on the
 * same connection, transaction ID and response time, and no other alert.
 * <p>
 * Usage: {@code java -cp target/modbus-watch.jar dev.modbuswatch.bench.PlantedAlerts FILE.planted.jsonl
 * OUT/alerts.jsonl}; exit 0 when they match, 1 with the differences when not.
 */
public final class PlantedAlerts {

    static final String BAD_LOGIN = "Bad login";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventTimeFormat UTC = new EventTimeFormat(ZoneOffset.UTC);

    /** One planted bad login; the alert is on the response, from the device to the client. */
    public record Planted(long transactionIndex, String device, String client, int clientPort, int transactionId,
                          long responseEpochSecond, int responseNanos) {
    }

    static String key(String device, String client, String clientPort, String transactionId, Instant time) {
        return device + " -> " + client + ":" + clientPort + " transaction " + transactionId + " at " + time;
    }

    public static Path fileFor(Path capture) {
        return capture.resolveSibling(capture.getFileName() + ".planted.jsonl");
    }

    static void write(Path file, List<Planted> planted) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Planted p : planted) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("transaction_index", p.transactionIndex());
                line.put("SecurityAlert", BAD_LOGIN);
                line.put("ipv4.src", p.device());
                line.put("ipv4.dst", p.client());
                line.put("tcp.dst_port", String.valueOf(p.clientPort()));
                line.put("modbus.trans_id", String.valueOf(p.transactionId()));
                line.put("EventTime", UTC.format(p.responseEpochSecond(), p.responseNanos()));
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
    }

    /** The keys of the alerts in a JSON-lines file (planted or found), in file order; other alert types prefixed. */
    public static List<String> keys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode alert = JSON.readTree(line);
                String type = text(alert, "SecurityAlert", file, number);
                String key = key(text(alert, "ipv4.src", file, number), text(alert, "ipv4.dst", file, number),
                        text(alert, "tcp.dst_port", file, number), text(alert, "modbus.trans_id", file, number),
                        OffsetDateTime.parse(text(alert, "EventTime", file, number)).toInstant());
                keys.add(BAD_LOGIN.equals(type) ? key : type + ": " + key);
            }
        }
        return keys;
    }

    private static String text(JsonNode node, String field, Path file, int line) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(file + " line " + line + ": no text field '" + field + "'");
        }
        return value.asText();
    }

    /** The differences between planted and found alerts, one line each; empty when they match. */
    public static List<String> differences(List<String> planted, List<String> found) {
        List<String> differences = new ArrayList<>();
        Set<String> foundOnce = new LinkedHashSet<>();
        for (String key : found) {
            if (!foundOnce.add(key)) {
                differences.add("alerted twice: " + key);
            }
        }
        Set<String> plantedSet = new LinkedHashSet<>(planted);
        for (String key : plantedSet) {
            if (!foundOnce.contains(key)) {
                differences.add("planted, not alerted: " + key);
            }
        }
        for (String key : foundOnce) {
            if (!plantedSet.contains(key)) {
                differences.add("alerted, not planted: " + key);
            }
        }
        return differences;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlantedAlerts FILE.planted.jsonl alerts.jsonl");
            System.exit(2);
        }
        List<String> planted = keys(Path.of(args[0]));
        List<String> found = Files.exists(Path.of(args[1])) ? keys(Path.of(args[1])) : List.of();
        List<String> differences = differences(planted, found);
        if (differences.isEmpty()) {
            System.out.println("alerts: " + found.size() + " found, exactly the " + planted.size() + " planted");
            return;
        }
        System.out.println("alerts: " + found.size() + " found, " + planted.size() + " planted, "
                + differences.size() + " differences:");
        differences.stream().limit(20).forEach(d -> System.out.println("  " + d));
        System.exit(1);
    }

    private PlantedAlerts() {
    }
}
