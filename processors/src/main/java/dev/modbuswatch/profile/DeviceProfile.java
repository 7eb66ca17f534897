package dev.modbuswatch.profile;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What modbus-watch knows about one kind of device: the names of its holding and input registers, the holding
 * registers whose writes are sensitive, and where it takes a passphrase. Immutable; the query methods allocate
 * nothing, so they can run for every PDU.
 * <p>
 * Holding registers (functions 3, 6, 16, 22, 23) and input registers (function 4) are separate address spaces in
 * Modbus: {@link #register(int)} answers for the first, {@link #inputRegister(int)} for the second. Register names
 * are unique across both, because both become {@code modbus.register.<name>} event fields.
 * <p>
 * Not a record, although it reads like one (accessors {@code name()}, {@code registers()}, ...): it keeps sorted
 * arrays beside the maps so that lookups do not box.
 */
public final class DeviceProfile {

    /** Function codes that write holding registers, the only ones that can carry a passphrase. */
    private static final Set<Integer> WRITE_FUNCTIONS = Set.of(6, 16, 23);

    private final String name;
    private final RegisterTable holding;
    private final RegisterTable input;
    private final int[] protectedSorted;
    private final Set<Integer> protectedRegisters;
    private final int passphraseRegister;
    private final int passphraseFunction;

    /**
     * @param registers          named holding registers by address (0..65535)
     * @param inputRegisters     named input registers by address (0..65535)
     * @param protectedRegisters holding registers whose writes are sensitive
     * @param passphraseRegister the holding register the passphrase is written to (its first register), or -1
     * @param passphraseFunction the function the device takes the passphrase with (6, 16 or 23), or -1 without one
     * @throws IllegalArgumentException for an address out of range, a name used twice, a named passphrase register
     *                                  (its values would be logged), or a passphrase function that writes no register
     */
    public DeviceProfile(String name, Map<Integer, NamedRegister> registers, Map<Integer, NamedRegister> inputRegisters,
                         Collection<Integer> protectedRegisters, int passphraseRegister, int passphraseFunction) {
        this.name = Objects.requireNonNull(name, "name");
        this.holding = new RegisterTable(registers);
        this.input = new RegisterTable(inputRegisters);
        Map<String, Integer> names = new HashMap<>();
        for (RegisterTable table : new RegisterTable[] {holding, input}) {
            for (int i = 0; i < table.size(); i++) {
                if (names.putIfAbsent(table.register(i).name(), table.address(i)) != null) {
                    throw new IllegalArgumentException("register name '" + table.register(i).name() + "' used twice");
                }
            }
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer address : protectedRegisters) {
            sorted.add(checkAddress(address, "protected register"));
        }
        this.protectedSorted = sorted.stream().mapToInt(Integer::intValue).toArray();
        this.protectedRegisters = Collections.unmodifiableSet(sorted);
        if (passphraseRegister == -1) {
            if (passphraseFunction != -1) {
                throw new IllegalArgumentException("passphrase function " + passphraseFunction + " without register");
            }
        } else {
            checkAddress(passphraseRegister, "passphrase register");
            if (!WRITE_FUNCTIONS.contains(passphraseFunction)) {
                throw new IllegalArgumentException("passphrase function " + passphraseFunction + " writes no register");
            }
            if (holding.get(passphraseRegister) != null) {
                throw new IllegalArgumentException("passphrase register " + passphraseRegister + " has a name");
            }
        }
        this.passphraseRegister = passphraseRegister;
        this.passphraseFunction = passphraseFunction;
    }

    static int checkAddress(Integer address, String what) {
        if (address == null || address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + address + " out of range 0..65535");
        }
        return address;
    }

    /** Whether {@code function} can take a passphrase: 6, 16 or 23, the functions that write holding registers. */
    static boolean writesRegisters(int function) {
        return WRITE_FUNCTIONS.contains(function);
    }

    public String name() {
        return name;
    }

    /** Named holding registers by address, in address order; unmodifiable. */
    public Map<Integer, NamedRegister> registers() {
        return holding.asMap();
    }

    /** Named input registers by address, in address order; unmodifiable. */
    public Map<Integer, NamedRegister> inputRegisters() {
        return input.asMap();
    }

    /** Holding registers whose writes are sensitive, in address order; unmodifiable. */
    public Set<Integer> protectedRegisters() {
        return protectedRegisters;
    }

    public boolean hasPassphrase() {
        return passphraseRegister >= 0;
    }

    /** The (first) holding register the passphrase is written to; -1 when the device takes none. */
    public int passphraseRegister() {
        return passphraseRegister;
    }

    /** The function code the device takes its passphrase with (6, 16 or 23); -1 when it takes none. */
    public int passphraseFunction() {
        return passphraseFunction;
    }

    /** The named holding register at {@code address}, or null. */
    public NamedRegister register(int address) {
        return holding.get(address);
    }

    /** The named input register at {@code address}, or null. */
    public NamedRegister inputRegister(int address) {
        return input.get(address);
    }

    public boolean isProtected(int address) {
        return Arrays.binarySearch(protectedSorted, address) >= 0;
    }

    /** Whether the registers {@code start .. start + quantity - 1} include a protected one. */
    public boolean coversProtected(int start, int quantity) {
        if (quantity <= 0) {
            return false;
        }
        int index = Arrays.binarySearch(protectedSorted, start);
        if (index >= 0) {
            return true;
        }
        int next = -index - 1;
        return next < protectedSorted.length && protectedSorted[next] - (long) start < quantity;
    }

    /** Whether the registers {@code start .. start + quantity - 1} include the passphrase register. */
    public boolean coversPassphrase(int start, int quantity) {
        return passphraseRegister >= 0 && start <= passphraseRegister
                && passphraseRegister - (long) start < quantity;
    }

    /**
     * Whether a request with this function code writing {@code start .. start + quantity - 1} is the device's way of
     * taking its passphrase: the function is the profile's passphrase function and the range covers the register.
     * A write covering the register with another function is not (see {@link #coversPassphrase} for that).
     */
    public boolean isPassphraseWrite(int functionCode, int start, int quantity) {
        return functionCode == passphraseFunction && coversPassphrase(start, quantity);
    }

    RegisterTable holdingTable() {
        return holding;
    }

    RegisterTable inputTable() {
        return input;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceProfile that
                && name.equals(that.name)
                && registers().equals(that.registers())
                && inputRegisters().equals(that.inputRegisters())
                && protectedRegisters.equals(that.protectedRegisters)
                && passphraseRegister == that.passphraseRegister
                && passphraseFunction == that.passphraseFunction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, registers(), inputRegisters(), protectedRegisters, passphraseRegister,
                passphraseFunction);
    }

    @Override
    public String toString() {
        return "DeviceProfile[name=" + name + ", registers=" + registers() + ", inputRegisters=" + inputRegisters()
                + ", protectedRegisters=" + protectedRegisters + ", passphraseRegister=" + passphraseRegister
                + ", passphraseFunction=" + passphraseFunction + "]";
    }
}
