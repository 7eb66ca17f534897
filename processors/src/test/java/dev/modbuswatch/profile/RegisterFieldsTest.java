package dev.modbuswatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modbuswatch.modbus.Registers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterFieldsTest {

    private static final DeviceProfile THERMOSTAT =
            DeviceProfiles.load(Path.of("devices.yaml")).profile("thermostat").orElseThrow();

    private final Map<String, String> event = new LinkedHashMap<>();

    @Test
    void seedReadHoldingRegistersResponse() {
        // The sample's Read Holding Registers 0..4 answer: 150, 400, 1, 0, 389.
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 0, Registers.of(150, 400, 1, 0, 389), event);

        assertThat(event).containsExactly(
                entry("modbus.register.low_threshold", "150"),
                entry("modbus.register.high_threshold", "400"),
                entry("modbus.register.alert_mode", "1"),
                entry("modbus.register.temperature", "38.9"),
                entry("modbus.register.temperature.unit", "°C"));
    }

    @Test
    void boxedListGivesTheSameFields() {
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 0, List.of(150, 400, 1, 0, 389), event);

        assertThat(event).containsExactly(
                entry("modbus.register.low_threshold", "150"),
                entry("modbus.register.high_threshold", "400"),
                entry("modbus.register.alert_mode", "1"),
                entry("modbus.register.temperature", "38.9"),
                entry("modbus.register.temperature.unit", "°C"));
    }

    @Test
    void onlyTheNamedRegistersInsideTheRange() {
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 2, Registers.of(7, 8, 250), event);

        assertThat(event).containsExactly(
                entry("modbus.register.alert_mode", "7"),
                entry("modbus.register.temperature", "25"),
                entry("modbus.register.temperature.unit", "°C"));
    }

    @Test
    void rangesWithoutNamedRegistersAddNothing() {
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 31, Registers.of(97, 98, 99, 100, 101, 102), event);
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 5, Registers.of(1, 2, 3), event);
        RegisterFields.appendHoldingRegisters(THERMOSTAT, 0, Registers.of(), event);
        RegisterFields.appendHoldingRegister(THERMOSTAT, 3, 9, event);
        RegisterFields.appendInputRegisters(THERMOSTAT, 0, Registers.of(150, 400, 1, 0, 389), event);

        assertThat(event).isEmpty();
    }

    @Test
    void singleRegisterWrite() {
        RegisterFields.appendHoldingRegister(THERMOSTAT, 1, 420, event);

        assertThat(event).containsExactly(entry("modbus.register.high_threshold", "420"));
    }

    @Test
    void largeValuesAreUnsignedUnlessTheRegisterIsSigned() {
        DeviceProfile profile = new DeviceProfile("p", Map.of(
                0, new NamedRegister("counter"),
                1, new NamedRegister("level", new BigDecimal("0.1"), "%"),
                2, new NamedRegister("offset", BigDecimal.ONE, null, true),
                3, new NamedRegister("outdoor", new BigDecimal("0.1"), "°C", true)), Map.of(), List.of(), -1, -1);

        RegisterFields.appendHoldingRegisters(profile, 0, Registers.of(65535, 65535, 65535, 65146), event);

        assertThat(event).containsExactly(
                entry("modbus.register.counter", "65535"),
                entry("modbus.register.level", "6553.5"),
                entry("modbus.register.level.unit", "%"),
                entry("modbus.register.offset", "-1"),
                entry("modbus.register.outdoor", "-39"),
                entry("modbus.register.outdoor.unit", "°C"));
    }

    @Test
    void inputRegistersUseTheirOwnNames() {
        DeviceProfile profile = new DeviceProfile("p", Map.of(0, new NamedRegister("setpoint")),
                Map.of(0, new NamedRegister("flow", new BigDecimal("0.01"), "m³/h")), List.of(), -1, -1);

        RegisterFields.appendInputRegisters(profile, 0, Registers.of(1234), event);

        assertThat(event).containsExactly(
                entry("modbus.register.flow", "12.34"),
                entry("modbus.register.flow.unit", "m³/h"));
    }

    @ParameterizedTest(name = "{0} x {1} (signed {2}) = {3}")
    @CsvSource({
            "389, 0.1, false, 38.9",
            "390, 0.1, false, 39",          // no trailing zero
            "0, 0.1, false, 0",             // not 0.0
            "1, 0.1, false, 0.1",
            "3, 0.1, false, 0.3",           // 0.30000000000000004 in double
            "65535, 0.001, false, 65.535",
            "100, 10, false, 1000",         // not 1E+3
            "400, 0.5, false, 200",
            "7, -1, false, -7",
            "32768, 1, true, -32768",
            "32767, 1, true, 32767",
            "65535, 0.1, true, -0.1",
            "-1, 1, false, 65535",          // only the low 16 bits are the register
            "-1, 1, true, -1",
            "65536, 1, false, 0",
            "-50, 0.1, true, -5",
            "12345, 1e-30, false, 0.000000000000000000000000012345",
            "2, 1e30, false, 2000000000000000000000000000000",
    })
    void format(int content, String scale, boolean signed, String expected) {
        assertThat(new NamedRegister("r", new BigDecimal(scale), null, signed).format(content)).isEqualTo(expected);
    }

    @Test
    void unscaledFormatIsPlainDecimal() {
        assertThat(new NamedRegister("r").format(389)).isEqualTo("389");
        assertThat(new NamedRegister("r").format(0)).isEqualTo("0");
    }

    @Test
    void fieldNames() {
        assertThat(RegisterFields.valueField("temperature")).isEqualTo("modbus.register.temperature");
        assertThat(RegisterFields.unitField("temperature")).isEqualTo("modbus.register.temperature.unit");
    }
}
