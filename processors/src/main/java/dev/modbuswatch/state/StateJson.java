package dev.modbuswatch.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modbuswatch.component.pcap.ModbusAdu;
import dev.modbuswatch.component.pcap.TcpConnection;
import dev.modbuswatch.correlate.ModbusMessage;
import dev.modbuswatch.correlate.ModbusTransaction;
import dev.modbuswatch.detect.Alert;
import dev.modbuswatch.detect.LoginBurst;
import dev.modbuswatch.event.IpAddressText;
import dev.modbuswatch.modbus.ModbusDecodeException;
import dev.modbuswatch.modbus.ModbusPdu;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link SavedState} as a JSON document and back. A message is kept as its ADU (MBAP fields, PDU in hex) and its event as
 * written; its PDU is decoded again when read. A document of another format, or one that does not parse, is refused
 * with an {@link UnusableStateException} that says why.
 */
public final class StateJson {

    /** Changes whenever the document's shape does; a file of another format is set aside, not read. */
    public static final String FORMAT = "modbus-watch-state/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private StateJson() {
    }

    public static byte[] write(SavedState state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode transactions = root.putArray("transactions");
        state.transactions().forEach((key, transaction) -> {
            ObjectNode entry = transactions.addObject().put("key", key);
            entry.set("transaction", transaction(transaction));
        });
        ArrayNode bursts = root.putArray("loginBursts");
        state.loginBursts().forEach((key, burst) -> {
            ObjectNode entry = bursts.addObject().put("key", key)
                    .put("continuesAlertedBurst", burst.continuesAlertedBurst());
            ArrayNode badLogins = entry.putArray("badLogins");
            burst.badLogins().forEach(alert -> badLogins.add(alert(alert)));
        });
        ArrayNode badLogins = root.putArray("recentBadLogins");
        state.recentBadLogins().forEach((key, time) -> badLogins.addObject().put("key", key).put("time", time));
        root.set("recentLogins", connectionTimes(state.recentLogins()));
        root.set("recentAnomalyAlerts", connectionTimes(state.recentAnomalyAlerts()));
        return JSON.writeValueAsBytes(root);
    }

    public static SavedState read(byte[] document) throws UnusableStateException {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new UnusableStateException("not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new UnusableStateException("not a JSON object");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new UnusableStateException("format '" + format + "', this version reads '" + FORMAT + "'");
        }
        try {
            Map<String, ModbusTransaction> transactions = new LinkedHashMap<>();
            for (JsonNode entry : array(root, "transactions")) {
                transactions.put(text(entry, "key"), transaction(required(entry, "transaction")));
            }
            Map<String, LoginBurst> bursts = new LinkedHashMap<>();
            for (JsonNode entry : array(root, "loginBursts")) {
                List<Alert> badLogins = new ArrayList<>();
                for (JsonNode alert : array(entry, "badLogins")) {
                    badLogins.add(alert(alert));
                }
                if (badLogins.isEmpty()) {
                    throw new UnusableStateException("a login burst without bad logins");
                }
                bursts.put(text(entry, "key"),
                        new LoginBurst(badLogins, required(entry, "continuesAlertedBurst").asBoolean()));
            }
            Map<String, Long> recentBadLogins = new LinkedHashMap<>();
            for (JsonNode entry : array(root, "recentBadLogins")) {
                recentBadLogins.put(text(entry, "key"), number(entry, "time"));
            }
            return new SavedState(transactions, bursts, recentBadLogins, connectionTimes(root, "recentLogins"),
                    connectionTimes(root, "recentAnomalyAlerts"));
        } catch (UnusableStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnusableStateException(e.getMessage() == null ? e.getClass().getSimpleName()
                    : firstLine(e.getMessage()));
        }
    }

    private static ObjectNode transaction(ModbusTransaction transaction) {
        ObjectNode node = JSON.createObjectNode();
        node.set("request", transaction.request() == null ? null : message(transaction.request()));
        node.set("response", transaction.response() == null ? null : message(transaction.response()));
        node.put("unobserved", transaction.unobserved());
        return node;
    }

    private static ModbusTransaction transaction(JsonNode node) throws IOException {
        ModbusMessage request = optionalMessage(node.get("request"));
        ModbusMessage response = optionalMessage(node.get("response"));
        if (request == null && response == null) {
            throw new UnusableStateException("a transaction with neither request nor response");
        }
        return new ModbusTransaction(request, response, node.path("unobserved").asBoolean(false));
    }

    private static ObjectNode alert(Alert alert) {
        ObjectNode node = JSON.createObjectNode().put("name", alert.name());
        node.set("record", JSON.valueToTree(alert.record()));
        node.set("transaction", alert.transaction() == null ? null : transaction(alert.transaction()));
        return node;
    }

    private static Alert alert(JsonNode node) throws IOException {
        JsonNode transaction = node.get("transaction");
        return new Alert(text(node, "name"), strings(required(node, "record")),
                transaction == null || transaction.isNull() ? null : transaction(transaction));
    }

    private static ObjectNode message(ModbusMessage message) {
        ModbusAdu adu = message.adu();
        ObjectNode node = JSON.createObjectNode()
                .put("epochSecond", adu.epochSecond()).put("nanos", adu.nanos());
        connection(adu.connection(), node);
        node.put("fromServer", adu.fromServer()).put("tcpFlags", adu.tcpFlags())
                .put("transactionId", adu.transactionId()).put("protocolId", adu.protocolId())
                .put("length", adu.length()).put("unitId", adu.unitId()).put("pdu", HEX.formatHex(adu.pdu()));
        node.set("event", JSON.valueToTree(message.event()));
        return node;
    }

    private static ModbusMessage optionalMessage(JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            return null;
        }
        boolean fromServer = required(node, "fromServer").asBoolean();
        byte[] pdu = HEX.parseHex(text(node, "pdu"));
        if (pdu.length == 0) {
            throw new UnusableStateException("an ADU without a PDU");
        }
        ModbusAdu adu = new ModbusAdu(number(node, "epochSecond"), (int) number(node, "nanos"), connection(node),
                fromServer, (int) number(node, "tcpFlags"), (int) number(node, "transactionId"),
                (int) number(node, "protocolId"), (int) number(node, "length"), (int) number(node, "unitId"), pdu);
        return new ModbusMessage(adu, decode(pdu, fromServer), strings(required(node, "event")));
    }

    /** As the capture route decoded it: null when malformed. */
    private static ModbusPdu decode(byte[] pdu, boolean response) {
        try {
            return ModbusPdu.decode(ByteBuffer.wrap(pdu), response);
        } catch (ModbusDecodeException e) {
            return null;
        }
    }

    private static void connection(TcpConnection connection, ObjectNode node) {
        node.put("client", IpAddressText.of(connection.client())).put("clientPort", connection.clientPort())
                .put("server", IpAddressText.of(connection.server())).put("serverPort", connection.serverPort());
    }

    private static TcpConnection connection(JsonNode node) throws IOException {
        return new TcpConnection(address(text(node, "client")), (int) number(node, "clientPort"),
                address(text(node, "server")), (int) number(node, "serverPort"));
    }

    /** An IP address literal (no name lookup: anything else is refused). */
    private static InetAddress address(String literal) throws IOException {
        if (!literal.matches("[0-9a-fA-F.:]+")) {
            throw new UnusableStateException("'" + literal + "' is not an IP address");
        }
        return InetAddress.getByName(literal);
    }

    private static ArrayNode connectionTimes(Map<TcpConnection, Long> times) {
        ArrayNode array = JSON.createArrayNode();
        times.forEach((connection, time) -> {
            ObjectNode entry = array.addObject();
            connection(connection, entry);
            entry.put("time", time);
        });
        return array;
    }

    private static Map<TcpConnection, Long> connectionTimes(JsonNode root, String field) throws IOException {
        Map<TcpConnection, Long> times = new LinkedHashMap<>();
        for (JsonNode entry : array(root, field)) {
            times.put(connection(entry), number(entry, "time"));
        }
        return times;
    }

    private static Map<String, String> strings(JsonNode object) throws IOException {
        if (!object.isObject()) {
            throw new UnusableStateException("an event that is not a JSON object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    private static List<JsonNode> array(JsonNode node, String field) throws IOException {
        JsonNode array = required(node, field);
        if (!array.isArray()) {
            throw new UnusableStateException("'" + field + "' is not an array");
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnusableStateException("'" + field + "' missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new UnusableStateException("'" + field + "' is not text");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) throws IOException {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber()) {
            throw new UnusableStateException("'" + field + "' is not a whole number");
        }
        return value.asLong();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Whatever keeps a saved state from being used, said in a few words. */
    public static final class UnusableStateException extends IOException {
        UnusableStateException(String reason) {
            super(reason);
        }
    }
}
