package dev.modbuswatch.modbus.fields;

import dev.modbuswatch.modbus.DeviceIdentificationNames;
import dev.modbuswatch.modbus.FunctionCodes;

/**
 * Full event field names such as {@code modbus.query.write_multiple_registers.starting_address}, built once and then
 * looked up by array index, so the per-PDU path concatenates no strings.
 */
final class FieldNames {

    private static final String QUERY = "modbus.query.";
    private static final String RESPONSE = "modbus.response.";

    /** Indexed by function code and direction, then by field; filled on first use. */
    private static final String[][] NAMES = new String[2 * 256][];

    private static final String[] DEVICE_OBJECT_SUFFIXES = new String[256];

    static {
        for (int id = 0; id < DEVICE_OBJECT_SUFFIXES.length; id++) {
            String name = DeviceIdentificationNames.objectName(id);
            DEVICE_OBJECT_SUFFIXES[id] = "object." + (DeviceIdentificationNames.isStandardObject(id)
                    ? snakeCase(name)
                    : snakeCase(name) + "_" + id);
        }
    }

    private FieldNames() {
    }

    static String of(int functionCode, boolean response, EventField field) {
        int index = (functionCode & 0xFF) << 1 | (response ? 1 : 0);
        String[] row = NAMES[index];
        if (row == null) {
            // Racing threads may each build a row; they hold equal strings, so losing one costs nothing.
            row = new String[EventField.ALL.length];
            NAMES[index] = row;
        }
        String name = row[field.ordinal()];
        if (name == null) {
            name = prefix(functionCode, response) + field.suffix();
            row[field.ordinal()] = name;
        }
        return name;
    }

    /** {@code modbus.response.encapsulated_interface_transport.object.vendor_name}; MEI 14 responses are rare. */
    static String deviceObject(int functionCode, int objectId) {
        return prefix(functionCode, true) + DEVICE_OBJECT_SUFFIXES[objectId & 0xFF];
    }

    private static String prefix(int functionCode, boolean response) {
        return (response ? RESPONSE : QUERY) + FunctionCodes.fieldSegment(functionCode, response) + ".";
    }

    /** {@code "MajorMinorRevision" -> "major_minor_revision"}. */
    private static String snakeCase(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
