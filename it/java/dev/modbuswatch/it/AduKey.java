package dev.modbuswatch.it;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tshark and modbus-watch must agree on for each ADU: capture time, addresses, ports, transaction and unit IDs,
 * function code (exception bit masked off, as tshark shows it) and exception code.
 */
record AduKey(String time, String source, String sourcePort, String destination, String destinationPort,
              String transactionId, String unitId, String functionCode, String exceptionCode) {

    private static final Pattern LAST_NUMBER = Pattern.compile("\\((0x[0-9a-fA-F]+|\\d+)\\)$");

    /** A line of tshark's reference TSV (see shared/pcaps/tshark/README.md for the columns). */
    static AduKey ofTshark(String line) {
        String[] cells = line.split("\t", -1);
        return new AduKey(nanosecondTime(cells[1]), cells[2], cells[4], cells[3], cells[5],
                first(cells[6]), first(cells[9]), first(cells[10]), first(cells[11]));
    }

    static AduKey ofEvent(Map<String, String> event) {
        OffsetDateTime time = OffsetDateTime.parse(event.get("EventTime"));
        String ip = event.containsKey("ipv4.src") ? "ipv4." : "ipv6.";
        String exception = event.entrySet().stream().filter(e -> e.getKey().endsWith(".exc_code"))
                .map(e -> Integer.toString(number(e.getValue()))).findFirst().orElse("");
        String function = event.containsKey("modbus.function_code")
                ? Integer.toString(number(event.get("modbus.function_code")) & 0x7F) : "";
        return new AduKey(time.toEpochSecond() + "." + String.format("%09d", time.getNano()),
                event.get(ip + "src"), event.get("tcp.src_port"), event.get(ip + "dst"), event.get("tcp.dst_port"),
                event.get("modbus.trans_id"), event.get("modbus.unit_id"), function, exception);
    }

    private static String nanosecondTime(String epoch) {
        int dot = epoch.indexOf('.');
        String fraction = (epoch.substring(dot + 1) + "000000000").substring(0, 9);
        return epoch.substring(0, dot) + "." + fraction;
    }

    private static String first(String cell) {
        int comma = cell.indexOf(',');
        return comma < 0 ? cell : cell.substring(0, comma);
    }

    private static int number(String label) {
        Matcher number = LAST_NUMBER.matcher(label);
        if (!number.find()) {
            throw new IllegalArgumentException("no (number) at the end of '" + label + "'");
        }
        String digits = number.group(1);
        return digits.startsWith("0x") ? Integer.parseInt(digits.substring(2), 16) : Integer.parseInt(digits);
    }

    @Override
    public String toString() {
        return String.join("\t", time, source, sourcePort, destination, destinationPort, transactionId, unitId,
                functionCode, exceptionCode);
    }
}
