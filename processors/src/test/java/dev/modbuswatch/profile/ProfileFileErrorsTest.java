package dev.modbuswatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a profile file can be wrong gives one line naming the file, the key path and the problem. */
class ProfileFileErrorsTest {

    private static final String THERMOSTAT = """
            profiles:
              thermostat:
                registers:
                  4: {name: temperature, scale: 0.1, unit: "°C"}
                protected: [0, 1, 2]
                passphrase: {register: 31, function: 16}
            """;

    @TempDir
    Path dir;

    @Test
    void theExampleOfTheFormat() {
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> DeviceProfiles.parse("devices.yaml",
                THERMOSTAT + """
                        devices:
                          - {match: 192.168.56.20, profile: thermostat}
                          - {match: "::1", profile: thermostat}
                          - {match: 10.0.0.0/33, profile: thermostat}
                        """));

        assertThat(e).hasMessage("devices.yaml: devices[2].match: '10.0.0.0/33' is not an IP address or CIDR block");
        assertThat(e.file()).isEqualTo("devices.yaml");
        assertThat(e.keyPath()).isEqualTo("devices[2].match");
        assertThat(e.problem()).isEqualTo("'10.0.0.0/33' is not an IP address or CIDR block");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> DeviceProfiles.load(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> DeviceProfiles.load(dir))
                .isInstanceOf(ProfileException.class)
                .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = write(THERMOSTAT + "devices: []\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");

        assertThatThrownBy(() -> DeviceProfiles.load(file)).hasMessage(file + ": permission denied");
    }

    @Test
    void notUtf8() throws IOException {
        Path file = dir.resolve("devices.yaml");
        Files.write(file, new byte[] {'p', 'r', 'o', (byte) 0xFF, (byte) 0xFE, ':', '\n'});

        assertThatThrownBy(() -> DeviceProfiles.load(file)).hasMessage(file + ": is not UTF-8 text");
    }

    @Test
    void messageIsOneLineEvenWhenTheYamlParserWritesSeveral() throws IOException {
        Path file = write("profiles:\n\tthermostat: {}\ndevices: []\n");

        ProfileException e = catchThrowableOfType(ProfileException.class, () -> DeviceProfiles.load(file));

        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r")
                .startsWith(file + ": line 2, column 1: not valid YAML: ")
                .contains("found character '\\t(TAB)' that cannot start any token");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // YAML syntax
                Arguments.of("profiles: [a\ndevices: []\n",
                        "line 2, column 8: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got :"),
                Arguments.of("profiles: {}\n---\ndevices: []\n",
                        "line 2, column 1: not valid YAML: expected a single document in the stream but found another"
                                + " document"),
                Arguments.of("profiles: *base\ndevices: []\n",
                        "line 1, column 11: not valid YAML: found undefined alias base"),
                // file structure
                Arguments.of("", "the file is empty (expected the keys profiles and devices)"),
                Arguments.of("# only a comment\n", "the file is empty (expected the keys profiles and devices)"),
                Arguments.of("- thermostat\n",
                        "expected a mapping with the keys profiles and devices, found a list"),
                Arguments.of("profiles: {}\ndevices: []\nvendors: []\n",
                        "unknown key 'vendors' (expected profiles, devices)"),
                Arguments.of("profiles: {}\n", "missing key 'devices'"),
                Arguments.of("devices: []\n", "missing key 'profiles'"),
                Arguments.of("profiles: {}\nprofiles: {}\ndevices: []\n", "duplicate key 'profiles'"),
                Arguments.of("profiles: []\ndevices: []\n",
                        "profiles: expected a mapping (key: value lines), found a list"),
                Arguments.of(THERMOSTAT + "devices: {match: 10.0.0.1}\n",
                        "devices: expected a list, found a mapping"),
                Arguments.of(THERMOSTAT + "devices:\n  - 10.0.0.1\n",
                        "devices[0]: expected a mapping (key: value lines), found '10.0.0.1'"),
                // profiles
                Arguments.of("profiles:\n  my.plc: {}\ndevices: []\n",
                        "profiles: 'my.plc' is not a profile name (letters, digits, '_' and '-')"),
                Arguments.of("profiles:\n  plc: {register: {}}\ndevices: []\n",
                        "profiles.plc: unknown key 'register' (expected registers, input_registers, protected,"
                                + " passphrase)"),
                Arguments.of("profiles:\n  plc: {registers: [1, 2]}\ndevices: []\n",
                        "profiles.plc.registers: expected a mapping (key: value lines), found a list"),
                Arguments.of("profiles:\n  plc: {registers: {-1: {name: a}}}\ndevices: []\n",
                        "profiles.plc.registers.-1: '-1' is not a register address (an integer 0..65535, or"
                                + " 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {registers: {65536: {name: a}}}\ndevices: []\n",
                        "profiles.plc.registers.65536: '65536' is not a register address (an integer 0..65535, or"
                                + " 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {input_registers: {0x10000: {name: a}}}\ndevices: []\n",
                        "profiles.plc.input_registers.0x10000: '0x10000' is not a register address (an integer"
                                + " 0..65535, or 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {registers: {1.5: {name: a}}}\ndevices: []\n",
                        "profiles.plc.registers.1.5: '1.5' is not a register address (an integer 0..65535, or"
                                + " 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {registers: {4: a, 0x4: b}}\ndevices: []\n",
                        "profiles.plc.registers.0x4: register 4 is already defined"),
                Arguments.of("profiles:\n  plc: {registers: {4: a, 4: b}}\ndevices: []\n",
                        "profiles.plc.registers: duplicate key '4'"),
                Arguments.of("profiles:\n  plc: {registers: {4: {scale: 0.1}}}\ndevices: []\n",
                        "profiles.plc.registers.4: missing key 'name'"),
                Arguments.of("profiles:\n  plc: {registers: {4: }}\ndevices: []\n",
                        "profiles.plc.registers.4: missing key 'name'"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: Temperature}}}\ndevices: []\n",
                        "profiles.plc.registers.4.name: 'Temperature' is not a lower snake case name (a-z, 0-9 and _,"
                                + " starting with a letter)"),
                Arguments.of("profiles:\n  plc: {registers: {4: temperature.max}}\ndevices: []\n",
                        "profiles.plc.registers.4: 'temperature.max' is not a lower snake case name (a-z, 0-9 and _,"
                                + " starting with a letter)"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scal: 0.1}}}\ndevices: []\n",
                        "profiles.plc.registers.4: unknown key 'scal' (expected name, scale, unit, signed)"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scale: ten}}}\ndevices: []\n",
                        "profiles.plc.registers.4.scale: 'ten' is not a number"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scale: .inf}}}\ndevices: []\n",
                        "profiles.plc.registers.4.scale: '.inf' is not a number"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scale: 0.0}}}\ndevices: []\n",
                        "profiles.plc.registers.4.scale: scale must not be 0"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scale: 1e-31}}}\ndevices: []\n",
                        "profiles.plc.registers.4.scale: '1e-31' is out of range (1e-30 .. 1e30)"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, scale: [1]}}}\ndevices: []\n",
                        "profiles.plc.registers.4.scale: expected a single value, found a list"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, unit: \" \"}}}\ndevices: []\n",
                        "profiles.plc.registers.4.unit: unit must not be blank"),
                Arguments.of("profiles:\n  plc: {registers: {4: {name: t, signed: yes}}}\ndevices: []\n",
                        "profiles.plc.registers.4.signed: 'yes' is not true or false"),
                Arguments.of("profiles:\n  plc: {registers: {4: t, 5: {name: t}}}\ndevices: []\n",
                        "profiles.plc.registers.5.name: 't' is already the name of register 4"),
                Arguments.of("profiles:\n  plc: {registers: {4: t}, input_registers: {4: t}}\ndevices: []\n",
                        "profiles.plc.input_registers.4: 't' is already the name of register 4"),
                Arguments.of("profiles:\n  plc: {protected: 4}\ndevices: []\n",
                        "profiles.plc.protected: expected a list, found '4'"),
                Arguments.of("profiles:\n  plc: {protected: [0, 70000]}\ndevices: []\n",
                        "profiles.plc.protected[1]: '70000' is not a register address (an integer 0..65535, or"
                                + " 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {protected: [0, 1, 0]}\ndevices: []\n",
                        "profiles.plc.protected[2]: register 0 is listed twice"),
                Arguments.of("profiles:\n  plc: {passphrase: {function: 16}}\ndevices: []\n",
                        "profiles.plc.passphrase: missing key 'register'"),
                Arguments.of("profiles:\n  plc: {passphrase: {register: 65536}}\ndevices: []\n",
                        "profiles.plc.passphrase.register: '65536' is not a register address (an integer 0..65535,"
                                + " or 0x0..0xFFFF)"),
                Arguments.of("profiles:\n  plc: {passphrase: {register: 31, function: 3}}\ndevices: []\n",
                        "profiles.plc.passphrase.function: '3' is not a function that writes holding registers"
                                + " (6, 16 or 23)"),
                Arguments.of("profiles:\n  plc: {passphrase: 31}\ndevices: []\n",
                        "profiles.plc.passphrase: expected a mapping (key: value lines), found '31'"),
                Arguments.of("profiles:\n  plc: {registers: {31: password}, passphrase: {register: 31}}\ndevices: []\n",
                        "profiles.plc.registers.31: register 31 takes the passphrase; it cannot have a name (its"
                                + " values would be written into events)"),
                // devices
                Arguments.of(THERMOSTAT + "devices:\n  - {profile: thermostat}\n",
                        "devices[0]: missing key 'match'"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1}\n",
                        "devices[0]: missing key 'profile'"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1, profile: thermostat, units: 1}\n",
                        "devices[0]: unknown key 'units' (expected match, unit, profile)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1, profile: thermo}\n",
                        "devices[0].profile: unknown profile 'thermo' (defined: thermostat)"),
                Arguments.of("profiles: {}\ndevices:\n  - {match: 10.0.0.1, profile: thermostat}\n",
                        "devices[0].profile: unknown profile 'thermostat' (no profile is defined)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: , profile: thermostat}\n",
                        "devices[0].match: missing value"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: plc.example.com, profile: thermostat}\n",
                        "devices[0].match: 'plc.example.com' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 192.168.1, profile: thermostat}\n",
                        "devices[0].match: '192.168.1' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 192.168.1.256, profile: thermostat}\n",
                        "devices[0].match: '192.168.1.256' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.0/, profile: thermostat}\n",
                        "devices[0].match: '10.0.0.0/' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.0/-8, profile: thermostat}\n",
                        "devices[0].match: '10.0.0.0/-8' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: \"2001:db8::/129\", profile: thermostat}\n",
                        "devices[0].match: '2001:db8::/129' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: \"1::2::3\", profile: thermostat}\n",
                        "devices[0].match: '1::2::3' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: \"fe80::1%eth0\", profile: thermostat}\n",
                        "devices[0].match: 'fe80::1%eth0' is not an IP address or CIDR block"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1/8, profile: thermostat}\n",
                        "devices[0].match: '10.0.0.1/8' has bits set after the prefix length (the block is"
                                + " 10.0.0.0/8)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: \"2001:db8::1/32\", profile: thermostat}\n",
                        "devices[0].match: '2001:db8::1/32' has bits set after the prefix length (the block is"
                                + " 2001:db8:0:0:0:0:0:0/32)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: \"::ffff:10.0.0.1\", profile: thermostat}\n",
                        "devices[0].match: '::ffff:10.0.0.1' is an IPv4-mapped IPv6 address; write it as IPv4 (such"
                                + " addresses are matched as IPv4)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: [10.0.0.1], profile: thermostat}\n",
                        "devices[0].match: expected a single value, found a list"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1, unit: 256, profile: thermostat}\n",
                        "devices[0].unit: '256' is not a unit identifier (an integer 0..255)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1, unit: -1, profile: thermostat}\n",
                        "devices[0].unit: '-1' is not a unit identifier (an integer 0..255)"),
                Arguments.of(THERMOSTAT + "devices:\n  - {match: 10.0.0.1, unit: ten, profile: thermostat}\n",
                        "devices[0].unit: 'ten' is not a unit identifier (an integer 0..255)"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorNamesFileKeyPathAndProblem(String yaml, String expected) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> DeviceProfiles.load(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + ": " + expected);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("devices.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
