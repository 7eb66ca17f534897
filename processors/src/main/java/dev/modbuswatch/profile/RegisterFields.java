package dev.modbuswatch.profile;

import dev.modbuswatch.modbus.Registers;

import java.util.List;
import java.util.Map;

/**
 * Event fields that name register values with a device profile: for each named register in the range,
 * {@code modbus.register.<name>} with its value (signed and scaled as the profile says) and, when the profile gives a
 * unit, {@code modbus.register.<name>.unit}. Registers without a name get no field. processors/FIELDS.md, section
 * "Device profiles", lists the fields.
 * <p>
 * Holding registers (functions 3, 6, 16, 23) and input registers (function 4) are separate address spaces; use the
 * method of the space the values come from. The field names are built when the profile is loaded, so appending
 * costs one map entry per named register and the value's string.
 */
public final class RegisterFields {

    public static final String PREFIX = "modbus.register.";
    public static final String UNIT_SUFFIX = ".unit";

    private RegisterFields() {
    }

    /**
     * Appends the fields of the named holding registers among {@code values}, the contents of the registers
     * {@code startAddress, startAddress + 1, ...} (e.g. a Read Holding Registers response with the starting address of
     * its request, or the registers a Write Multiple Registers request writes). Values are 16-bit register contents;
     * only their low 16 bits count.
     */
    public static void appendHoldingRegisters(DeviceProfile profile, int startAddress, List<Integer> values,
                                              Map<String, String> event) {
        append(profile.holdingTable(), startAddress, values, event);
    }

    /** Like {@link #appendHoldingRegisters} for input registers (Read Input Registers, function 4). */
    public static void appendInputRegisters(DeviceProfile profile, int startAddress, List<Integer> values,
                                            Map<String, String> event) {
        append(profile.inputTable(), startAddress, values, event);
    }

    /** One holding register (Write Single Register, function 6). */
    public static void appendHoldingRegister(DeviceProfile profile, int address, int value, Map<String, String> event) {
        RegisterTable table = profile.holdingTable();
        int index = table.indexFrom(address);
        if (index < table.size() && table.address(index) == address) {
            put(table, index, value, event);
        }
    }

    /** {@code modbus.register.<name>}. */
    public static String valueField(String registerName) {
        return PREFIX + registerName;
    }

    /** {@code modbus.register.<name>.unit}. */
    public static String unitField(String registerName) {
        return PREFIX + registerName + UNIT_SUFFIX;
    }

    private static void append(RegisterTable table, int startAddress, List<Integer> values,
                               Map<String, String> event) {
        Registers registers = values instanceof Registers unboxed ? unboxed : null;
        long end = (long) startAddress + values.size();
        for (int index = table.indexFrom(startAddress); index < table.size() && table.address(index) < end; index++) {
            int offset = table.address(index) - startAddress;
            put(table, index, registers != null ? registers.getInt(offset) : values.get(offset), event);
        }
    }

    private static void put(RegisterTable table, int index, int value, Map<String, String> event) {
        NamedRegister register = table.register(index);
        event.put(table.valueField(index), register.format(value));
        if (register.hasUnit()) {
            event.put(table.unitField(index), register.unit());
        }
    }
}
