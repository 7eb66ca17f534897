package dev.modbuswatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeviceProfileTest {

    /** The seed's thermostat: protected 0, 1, 2; passphrase at 31 with function 16. */
    private static final DeviceProfile THERMOSTAT = new DeviceProfile("thermostat",
            Map.of(0, new NamedRegister("low_threshold"), 1, new NamedRegister("high_threshold"),
                    2, new NamedRegister("alert_mode"),
                    4, new NamedRegister("temperature", new BigDecimal("0.1"), "°C")),
            Map.of(), List.of(2, 0, 1), 31, 16);

    @ParameterizedTest(name = "registers {0} to {0}+{1}-1 cover 31: {2}")
    @CsvSource({
            // starting before 31
            "25, 6, false",     // 25..30, ends just before it
            "30, 1, false",     // 30 only, ends just before it
            "30, 2, true",      // 30..31, ends on it
            "0, 100, true",     // well around it
            "25, 7, true",      // 25..31
            // starting at 31
            "31, 1, true",
            "31, 6, true",      // the seed's passphrase write
            "31, 123, true",
            // starting after 31
            "32, 1, false",
            "32, 6, false",
            // empty or nonsensical ranges
            "31, 0, false",
            "30, 0, false",
            "31, -1, false",
            "0, 31, false",     // 0..30
            "0, 32, true",      // 0..31
            "65535, 1, false",
            "0, 65536, true",
            "-2147483648, 2147483647, false", // overflowing end must not wrap into a match
    })
    void coversPassphrase(int start, int quantity, boolean covers) {
        assertThat(THERMOSTAT.coversPassphrase(start, quantity)).isEqualTo(covers);
    }

    @ParameterizedTest(name = "registers {0} to {0}+{1}-1 include 0, 1 or 2: {2}")
    @CsvSource({
            "0, 1, true",
            "2, 1, true",
            "1, 1, true",
            "3, 1, false",
            "3, 10, false",
            "2, 10, true",
            "4, 1, false",
            "0, 0, false",
            "31, 6, false",
            "65535, 1, false",
            "-5, 5, false",     // -5..-1
            "-5, 6, true",      // -5..0
            "2147483647, 2147483647, false",
    })
    void coversProtected(int start, int quantity, boolean covers) {
        assertThat(THERMOSTAT.coversProtected(start, quantity)).isEqualTo(covers);
    }

    @Test
    void protectedWithGapsChecksTheRangeNotJustItsEnds() {
        DeviceProfile profile = new DeviceProfile("p", Map.of(), Map.of(), List.of(100, 200, 65535), -1, -1);

        assertThat(profile.coversProtected(101, 99)).as("101..199").isFalse();
        assertThat(profile.coversProtected(101, 100)).as("101..200").isTrue();
        assertThat(profile.coversProtected(150, 10)).as("150..159").isFalse();
        assertThat(profile.coversProtected(50, 300)).as("50..349").isTrue();
        assertThat(profile.coversProtected(65535, 1)).isTrue();
        assertThat(profile.isProtected(200)).isTrue();
        assertThat(profile.isProtected(201)).isFalse();
        assertThat(profile.protectedRegisters()).containsExactly(100, 200, 65535);
    }

    @Test
    void passphraseWriteNeedsTheProfilesFunction() {
        assertThat(THERMOSTAT.isPassphraseWrite(16, 31, 6)).isTrue();
        assertThat(THERMOSTAT.isPassphraseWrite(16, 32, 6)).isFalse();
        assertThat(THERMOSTAT.isPassphraseWrite(6, 31, 1)).isFalse();
        assertThat(THERMOSTAT.isPassphraseWrite(23, 31, 6)).isFalse();
    }

    @Test
    void lookups() {
        assertThat(THERMOSTAT.register(4)).isEqualTo(new NamedRegister("temperature", new BigDecimal("0.1"), "°C"));
        assertThat(THERMOSTAT.register(3)).isNull();
        assertThat(THERMOSTAT.register(31)).isNull();
        assertThat(THERMOSTAT.register(-1)).isNull();
        assertThat(THERMOSTAT.register(70000)).isNull();
        assertThat(THERMOSTAT.inputRegister(4)).isNull();
        assertThat(THERMOSTAT.registers().keySet()).containsExactly(0, 1, 2, 4);
        assertThat(THERMOSTAT.protectedRegisters()).containsExactly(0, 1, 2);
        assertThat(THERMOSTAT.hasPassphrase()).isTrue();
    }

    @Test
    void accessorsAreUnmodifiable() {
        assertThatThrownBy(() -> THERMOSTAT.registers().put(5, new NamedRegister("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> THERMOSTAT.protectedRegisters().add(5))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorRejectsWhatTheFileReaderRejects() {
        assertThatThrownBy(() -> new DeviceProfile("p", Map.of(65536, new NamedRegister("a")), Map.of(), List.of(),
                -1, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> new DeviceProfile("p", Map.of(1, new NamedRegister("a")),
                Map.of(1, new NamedRegister("a")), List.of(), -1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' used twice");
        assertThatThrownBy(() -> new DeviceProfile("p", Map.of(31, new NamedRegister("pw")), Map.of(), List.of(),
                31, 16)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has a name");
        assertThatThrownBy(() -> new DeviceProfile("p", Map.of(), Map.of(), List.of(), 31, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes no register");
        assertThatThrownBy(() -> new DeviceProfile("p", Map.of(), Map.of(), List.of(-1), -1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new NamedRegister("Temperature"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedRegister("t", BigDecimal.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalProfilesAreEqual() {
        DeviceProfile copy = new DeviceProfile("thermostat",
                Map.of(4, new NamedRegister("temperature", new BigDecimal("0.1"), "°C"),
                        0, new NamedRegister("low_threshold"), 1, new NamedRegister("high_threshold"),
                        2, new NamedRegister("alert_mode")),
                Map.of(), List.of(0, 1, 2), 31, 16);

        assertThat(copy).isEqualTo(THERMOSTAT).hasSameHashCodeAs(THERMOSTAT);
        assertThat(new DeviceProfile("thermostat", copy.registers(), Map.of(), List.of(0, 1), 31, 16))
                .isNotEqualTo(THERMOSTAT);
    }
}
