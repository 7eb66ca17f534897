package dev.modbuswatch.profile;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A register a profile names. Its value in events is the 16-bit register content, read as unsigned (0..65535) or,
 * when {@code signed}, as two's complement (-32768..32767), then multiplied by {@code scale}.
 *
 * @param name   lower snake case ({@code [a-z][a-z0-9_]*}); becomes the event field {@code modbus.register.<name>}
 * @param scale  multiplier of the raw value, never zero; {@link BigDecimal#ONE} for none
 * @param unit   unit of the scaled value ({@code °C}), or null for none
 * @param signed whether the register holds a two's complement value
 */
public record NamedRegister(String name, BigDecimal scale, String unit, boolean signed) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public NamedRegister {
        Objects.requireNonNull(name, "name");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("register name '" + name + "' is not lower snake case");
        }
        scale = scale == null ? BigDecimal.ONE : scale;
        if (scale.signum() == 0) {
            throw new IllegalArgumentException("scale of register '" + name + "' is 0");
        }
        if (unit != null && unit.isBlank()) {
            throw new IllegalArgumentException("unit of register '" + name + "' is blank");
        }
    }

    public NamedRegister(String name, BigDecimal scale, String unit) {
        this(name, scale, unit, false);
    }

    /** An unscaled, unsigned register without unit. */
    public NamedRegister(String name) {
        this(name, BigDecimal.ONE, null, false);
    }

    /** Whether {@code name} can be a register name: lower snake case, starting with a letter. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public boolean hasUnit() {
        return unit != null;
    }

    public boolean isScaled() {
        return scale.compareTo(BigDecimal.ONE) != 0;
    }

    /**
     * The register's value as written into events: the low 16 bits of {@code registerContent} as unsigned or signed
     * number, times the scale, in plain decimal without trailing zeros ({@code 389} with scale 0.1 gives
     * {@code 38.9}, {@code 400} with scale 0.5 gives {@code 200}).
     */
    public String format(int registerContent) {
        int raw = signed ? (short) registerContent : registerContent & 0xFFFF;
        if (!isScaled()) {
            return Integer.toString(raw);
        }
        return BigDecimal.valueOf(raw).multiply(scale).stripTrailingZeros().toPlainString();
    }
}
