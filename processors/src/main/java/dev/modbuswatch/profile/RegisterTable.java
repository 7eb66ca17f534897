package dev.modbuswatch.profile;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The named registers of one address space of a profile, sorted by address, with their event field names built
 * once: lookups are a binary search over an {@code int[]} and allocate nothing.
 */
final class RegisterTable {

    static final RegisterTable EMPTY = new RegisterTable(Map.of());

    private final int[] addresses;
    private final NamedRegister[] registers;
    private final String[] valueFields;
    private final String[] unitFields;
    private final Map<Integer, NamedRegister> asMap;

    RegisterTable(Map<Integer, NamedRegister> byAddress) {
        TreeMap<Integer, NamedRegister> sorted = new TreeMap<>();
        byAddress.forEach((address, register) -> {
            DeviceProfile.checkAddress(address, "register address");
            sorted.put(address, Objects.requireNonNull(register, "register " + address));
        });
        int size = sorted.size();
        addresses = new int[size];
        registers = new NamedRegister[size];
        valueFields = new String[size];
        unitFields = new String[size];
        int i = 0;
        for (Map.Entry<Integer, NamedRegister> entry : sorted.entrySet()) {
            addresses[i] = entry.getKey();
            registers[i] = entry.getValue();
            valueFields[i] = RegisterFields.valueField(entry.getValue().name());
            unitFields[i] = RegisterFields.unitField(entry.getValue().name());
            i++;
        }
        asMap = Collections.unmodifiableMap(sorted);
    }

    Map<Integer, NamedRegister> asMap() {
        return asMap;
    }

    int size() {
        return addresses.length;
    }

    /** The register at {@code address}, or null. */
    NamedRegister get(int address) {
        int index = Arrays.binarySearch(addresses, address);
        return index >= 0 ? registers[index] : null;
    }

    /** The index of the first register at or after {@code address}; {@link #size()} when there is none. */
    int indexFrom(int address) {
        int index = Arrays.binarySearch(addresses, address);
        return index >= 0 ? index : -index - 1;
    }

    int address(int index) {
        return addresses[index];
    }

    NamedRegister register(int index) {
        return registers[index];
    }

    String valueField(int index) {
        return valueFields[index];
    }

    String unitField(int index) {
        return unitFields[index];
    }
}
