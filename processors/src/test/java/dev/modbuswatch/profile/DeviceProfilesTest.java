package dev.modbuswatch.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {

    /** Surefire runs in the project directory, where the default profile file lives. */
    private static final Path DEFAULT_FILE = Path.of("devices.yaml");

    @TempDir
    Path dir;

    @Test
    void defaultFileMapsEveryIpv4AndIpv6DeviceToTheSeedThermostat() throws Exception {
        DeviceProfiles profiles = DeviceProfiles.load(DEFAULT_FILE);

        assertThat(profiles.profiles()).containsOnlyKeys("thermostat");
        assertThat(profiles.ruleCount()).isEqualTo(2);
        DeviceProfile thermostat = profiles.profile("thermostat").orElseThrow();
        assertThat(profiles.forDevice(ip("192.168.56.20"), 10)).containsSame(thermostat);
        assertThat(profiles.forDevice(ip("10.1.2.3"), 0)).containsSame(thermostat);
        assertThat(profiles.forDevice(ip("255.255.255.255"), 255)).containsSame(thermostat);
        assertThat(profiles.forDevice(ip("::1"), 1)).containsSame(thermostat);
        assertThat(profiles.forDevice(ip("2001:db8::20"), 10)).containsSame(thermostat);
    }

    @Test
    void defaultThermostatIsTheSeedDevice() {
        DeviceProfile thermostat = DeviceProfiles.load(DEFAULT_FILE).profile("thermostat").orElseThrow();

        assertThat(thermostat.name()).isEqualTo("thermostat");
        assertThat(thermostat.registers()).containsExactly(
                Map.entry(0, new NamedRegister("low_threshold")),
                Map.entry(1, new NamedRegister("high_threshold")),
                Map.entry(2, new NamedRegister("alert_mode")),
                Map.entry(4, new NamedRegister("temperature", new BigDecimal("0.1"), "°C", false)));
        assertThat(thermostat.inputRegisters()).isEmpty();
        assertThat(thermostat.protectedRegisters()).containsExactly(0, 1, 2);
        assertThat(thermostat.passphraseRegister()).isEqualTo(31);
        assertThat(thermostat.passphraseFunction()).isEqualTo(16);
        assertThat(thermostat.register(4).unit()).isEqualTo("°C");
        assertThat(thermostat.register(3)).isNull();
    }

    @Test
    void firstMatchingRuleWinsWithIpv4Ipv6AndUnits() throws Exception {
        DeviceProfiles profiles = load("""
                profiles:
                  host: {}
                  host_unit_7: {}
                  lan: {}
                  lan_v6: {}
                  site_v6_unit_3: {}
                  any_v4: {}
                devices:
                  - match: 192.168.56.20
                    unit: 7
                    profile: host_unit_7
                  - match: 192.168.56.20
                    profile: host
                  - match: 192.168.56.0/24
                    profile: lan
                  - match: 192.168.56.21       # never used: the /24 above matches first
                    profile: host
                  - match: 2001:db8:0:1::/64
                    profile: lan_v6
                  - match: 2001:db8::/32
                    unit: 3
                    profile: site_v6_unit_3
                  - match: 0.0.0.0/0
                    unit: 0
                    profile: any_v4
                """);

        assertThat(name(profiles.forDevice(ip("192.168.56.20"), 7))).isEqualTo("host_unit_7");
        assertThat(name(profiles.forDevice(ip("192.168.56.20"), 8))).isEqualTo("host");
        assertThat(name(profiles.forDevice(ip("192.168.56.21"), 7))).isEqualTo("lan");
        assertThat(name(profiles.forDevice(ip("192.168.56.255"), 1))).isEqualTo("lan");
        assertThat(name(profiles.forDevice(ip("192.168.57.1"), 0))).isEqualTo("any_v4");
        assertThat(profiles.forDevice(ip("192.168.57.1"), 1)).isEmpty();
        assertThat(name(profiles.forDevice(ip("2001:db8:0:1:ffff::1"), 9))).isEqualTo("lan_v6");
        assertThat(name(profiles.forDevice(ip("2001:db8:0:2::1"), 3))).isEqualTo("site_v6_unit_3");
        assertThat(profiles.forDevice(ip("2001:db8:0:2::1"), 4)).isEmpty();
        assertThat(profiles.forDevice(ip("2001:db9::1"), 3)).isEmpty();
        // 0.0.0.0/0 is IPv4 only, the IPv6 rules never match IPv4 servers
        assertThat(profiles.forDevice(ip("::"), 0)).isEmpty();
    }

    @Test
    void prefixBoundariesAreExact() throws Exception {
        DeviceProfiles profiles = load("""
                profiles: {p: {}}
                devices:
                  - {match: 10.0.0.128/25, profile: p}
                  - {match: "fe80::8000:0:0:0/65", profile: p}
                  - {match: 2001:db8::1/128, profile: p}
                  - {match: 172.16.0.1/32, profile: p}
                """);

        assertThat(profiles.forDevice(ip("10.0.0.127"), 1)).isEmpty();
        assertThat(profiles.forDevice(ip("10.0.0.128"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("10.0.0.255"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("10.0.1.0"), 1)).isEmpty();
        assertThat(profiles.forDevice(ip("fe80::7fff:ffff:ffff:ffff"), 1)).isEmpty();
        assertThat(profiles.forDevice(ip("fe80::8000:0:0:0"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("fe80::ffff:ffff:ffff:ffff"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("fe80:0:0:1::"), 1)).isEmpty();
        assertThat(profiles.forDevice(ip("2001:db8::1"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("2001:db8::2"), 1)).isEmpty();
        assertThat(profiles.forDevice(ip("172.16.0.1"), 1)).isPresent();
        assertThat(profiles.forDevice(ip("172.16.0.0"), 1)).isEmpty();
    }

    @Test
    void byteArrayLookupAgreesAndTreatsIpv4MappedAsIpv4() throws Exception {
        DeviceProfiles profiles = load("""
                profiles: {v4: {}, v6: {}}
                devices:
                  - {match: 192.168.56.0/24, profile: v4}
                  - {match: "::/0", profile: v6}
                """);

        assertThat(name(profiles.forDevice(new byte[] {(byte) 192, (byte) 168, 56, 20}, 10))).isEqualTo("v4");
        byte[] mapped = ip("::").getAddress();
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 192;
        mapped[13] = (byte) 168;
        mapped[14] = 56;
        mapped[15] = 20;
        assertThat(name(profiles.forDevice(mapped, 10))).isEqualTo("v4");
        assertThat(name(profiles.forDevice(ip("2001:db8::1").getAddress(), 10))).isEqualTo("v6");
        assertThat(profiles.forDevice(new byte[] {10, 0, 0, 1}, 10)).isEmpty();
        assertThat(profiles.forDevice(new byte[5], 10)).isEmpty();
    }

    @Test
    void lookupReturnsTheSameOptionalEveryTime() throws Exception {
        DeviceProfiles profiles = DeviceProfiles.load(DEFAULT_FILE);
        InetAddress v4 = ip("192.168.56.20");
        InetAddress v6 = ip("2001:db8::20");

        assertThat(profiles.forDevice(v4, 10)).isSameAs(profiles.forDevice(v4, 11));
        assertThat(profiles.forDevice(v6, 10)).isSameAs(profiles.forDevice(v6, 11));
    }

    @Test
    void lookupsAllocateNothing() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes");
        DeviceProfiles profiles = load("""
                profiles: {a: {}, b: {}}
                devices:
                  - {match: 10.0.0.0/8, unit: 1, profile: a}
                  - {match: 192.168.56.0/24, profile: b}
                  - {match: "2001:db8::/32", unit: 1, profile: a}
                  - {match: "::/0", profile: b}
                """);
        InetAddress v4 = ip("192.168.56.20");
        InetAddress unknownV4 = ip("172.16.0.1");
        byte[] v6 = ip("2001:db9::1").getAddress();
        int found = 0;
        for (int warmUp = 0; warmUp < 10_000; warmUp++) {
            found += profiles.forDevice(v4, warmUp & 0xFF).isPresent() ? 1 : 0;
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            found += profiles.forDevice(v4, i & 0xFF).isPresent() ? 1 : 0;
            found += profiles.forDevice(unknownV4, i & 0xFF).isPresent() ? 1 : 0;
            found += profiles.forDevice(v6, i & 0xFF).isPresent() ? 1 : 0;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(found).isEqualTo(10_000 + 2 * 100_000);
        // 300,000 lookups; one 16-byte array each would be 4.8 MB
        assertThat(allocated).isLessThan(50_000);
    }

    @Test
    void ipv4AddressesAreReadWithoutCopyOnThisJdk() {
        // Documents the fast path; forDevice stays correct when it is false (it falls back to getAddress()).
        assertThat(DeviceProfiles.inet4HashIsAddress()).isTrue();
    }

    @Test
    void emptyProfilesMatchNothing() throws Exception {
        assertThat(DeviceProfiles.empty().forDevice(ip("192.168.56.20"), 10)).isEmpty();
        assertThat(DeviceProfiles.empty().forDevice(ip("::1"), 10)).isEmpty();
        assertThat(load("profiles:\ndevices:\n").forDevice(ip("10.0.0.1"), 1)).isEmpty();
    }

    @Test
    void fullFormatWithShortFormsHexAddressesAndInputRegisters() throws Exception {
        DeviceProfile plc = load("""
                profiles:
                  plc:
                    registers:
                      0x10: setpoint
                      "17": {name: offset, signed: true, scale: 2, unit: mbar}
                    input_registers:
                      0: {name: flow, scale: 0.01, unit: "m³/h"}
                    protected: [0x10, 17]
                    passphrase: {register: 0x1F}
                devices: []
                """).profile("plc").orElseThrow();

        assertThat(plc.registers()).containsExactly(
                Map.entry(16, new NamedRegister("setpoint")),
                Map.entry(17, new NamedRegister("offset", new BigDecimal("2"), "mbar", true)));
        assertThat(plc.inputRegisters()).containsExactly(
                Map.entry(0, new NamedRegister("flow", new BigDecimal("0.01"), "m³/h")));
        assertThat(plc.register(0)).isNull();
        assertThat(plc.inputRegister(0).name()).isEqualTo("flow");
        assertThat(plc.protectedRegisters()).containsExactly(16, 17);
        assertThat(plc.passphraseRegister()).isEqualTo(31);
        assertThat(plc.passphraseFunction()).as("default function").isEqualTo(16);
    }

    @Test
    void profileWithoutPassphrase() throws Exception {
        DeviceProfile meter = load("""
                profiles:
                  meter:
                    registers: {0: energy}
                devices: []
                """).profile("meter").orElseThrow();

        assertThat(meter.hasPassphrase()).isFalse();
        assertThat(meter.passphraseRegister()).isEqualTo(-1);
        assertThat(meter.passphraseFunction()).isEqualTo(-1);
        assertThat(meter.coversPassphrase(0, 65535)).isFalse();
        assertThat(meter.protectedRegisters()).isEmpty();
    }

    private DeviceProfiles load(String yaml) throws IOException {
        Path file = dir.resolve("devices.yaml");
        Files.writeString(file, yaml);
        return DeviceProfiles.load(file);
    }

    private static String name(Optional<DeviceProfile> profile) {
        return profile.map(DeviceProfile::name).orElse("(none)");
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }
}
