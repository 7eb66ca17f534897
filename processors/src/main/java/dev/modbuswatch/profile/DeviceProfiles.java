package dev.modbuswatch.profile;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device profile file: profiles by name, and the rules that say which device (server address, unit identifier)
 * has which profile. Rules are tried in file order and the first that matches wins. Immutable and thread-safe.
 * <p>
 * {@link #forDevice} runs for every PDU, so it allocates nothing of its own: the rules are split by address family
 * into primitive arrays, IPv4 addresses are compared as one {@code int} and IPv6 addresses as two {@code long}s, and
 * every rule's answer is an {@code Optional} built at load time.
 */
public final class DeviceProfiles {

    private static final DeviceProfiles EMPTY = new DeviceProfiles("(none)", Map.of(), List.of());

    /**
     * {@code Inet4Address.hashCode()} is the address as an {@code int} in every OpenJDK since 1.0, which reads an IPv4
     * address without the array {@code getAddress()} copies. Not specified, so checked once here, with
     * {@code getAddress()} as the fallback.
     */
    private static final boolean INET4_HASH_IS_ADDRESS = inet4HashIsAddress();

    private final String source;
    private final Map<String, DeviceProfile> profiles;
    private final List<Rule> rules;

    private final int[] network4;
    private final int[] mask4;
    private final int[] unit4;
    private final List<Optional<DeviceProfile>> result4;
    private final long[] networkHigh6;
    private final long[] networkLow6;
    private final long[] maskHigh6;
    private final long[] maskLow6;
    private final int[] unit6;
    private final List<Optional<DeviceProfile>> result6;

    /** One rule of the {@code devices} list: a server address block, a unit identifier or -1 for any, a profile. */
    record Rule(IpBlock block, int unit, DeviceProfile profile) {
        boolean matchesUnit(int unitId) {
            return unit < 0 || unit == unitId;
        }
    }

    DeviceProfiles(String source, Map<String, DeviceProfile> profiles, List<Rule> rules) {
        this.source = source;
        this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        this.rules = List.copyOf(rules);
        List<Rule> v4 = new ArrayList<>();
        List<Rule> v6 = new ArrayList<>();
        for (Rule rule : rules) {
            (rule.block().ipv6 ? v6 : v4).add(rule);
        }
        network4 = new int[v4.size()];
        mask4 = new int[v4.size()];
        unit4 = new int[v4.size()];
        List<Optional<DeviceProfile>> results = new ArrayList<>();
        for (int i = 0; i < v4.size(); i++) {
            network4[i] = v4.get(i).block().network4;
            mask4[i] = v4.get(i).block().mask4;
            unit4[i] = v4.get(i).unit();
            results.add(Optional.of(v4.get(i).profile()));
        }
        result4 = List.copyOf(results);
        networkHigh6 = new long[v6.size()];
        networkLow6 = new long[v6.size()];
        maskHigh6 = new long[v6.size()];
        maskLow6 = new long[v6.size()];
        unit6 = new int[v6.size()];
        results.clear();
        for (int i = 0; i < v6.size(); i++) {
            IpBlock block = v6.get(i).block();
            networkHigh6[i] = block.networkHigh;
            networkLow6[i] = block.networkLow;
            maskHigh6[i] = block.maskHigh;
            maskLow6[i] = block.maskLow;
            unit6[i] = v6.get(i).unit();
            results.add(Optional.of(v6.get(i).profile()));
        }
        result6 = List.copyOf(results);
    }

    /**
     * Reads a profile file (format: the comments at the top of the project's {@code devices.yaml}).
     *
     * @throws ProfileException when the file cannot be read or is not a valid profile file; its message names the
     *                          file, the key path and the problem on one line
     */
    public static DeviceProfiles load(Path file) {
        return ProfileFileReader.read(file);
    }

    /**
     * Reads profiles from YAML text, e.g. in tests; {@code source} stands for the file name in error messages.
     *
     * @throws ProfileException as {@link #load}
     */
    public static DeviceProfiles parse(String source, String yaml) {
        return ProfileFileReader.parse(source, yaml);
    }

    /** No profiles and no rules: every device is unknown. */
    public static DeviceProfiles empty() {
        return EMPTY;
    }

    /**
     * The profile of the Modbus server at {@code server}, unit {@code unitId}: the first rule whose block contains the
     * address and whose unit is absent or equal. An IPv4-mapped IPv6 address is an IPv4 address here, as
     * {@link InetAddress} makes it. Allocates nothing for IPv4; for IPv6 only the 16-byte copy
     * {@link InetAddress#getAddress()} makes (use {@link #forDevice(byte[], int)} to avoid it).
     */
    public Optional<DeviceProfile> forDevice(InetAddress server, int unitId) {
        if (server instanceof Inet4Address) {
            if (network4.length == 0) {
                return Optional.empty();
            }
            return forIpv4(INET4_HASH_IS_ADDRESS ? server.hashCode() : IpBlock.int4(server.getAddress()), unitId);
        }
        if (networkHigh6.length == 0) {
            return Optional.empty();
        }
        return forDevice(server.getAddress(), unitId);
    }

    /**
     * Like {@link #forDevice(InetAddress, int)} for an address as 4 or 16 bytes in network order; allocates nothing.
     * Empty for any other length.
     */
    public Optional<DeviceProfile> forDevice(byte[] server, int unitId) {
        if (server.length == 4) {
            return forIpv4(IpBlock.int4(server), unitId);
        }
        if (server.length != 16) {
            return Optional.empty();
        }
        if (IpBlock.isIpv4Mapped(server)) {
            return forIpv4((server[12] & 0xFF) << 24 | (server[13] & 0xFF) << 16 | (server[14] & 0xFF) << 8
                    | server[15] & 0xFF, unitId);
        }
        long high = IpBlock.high(server);
        long low = IpBlock.low(server);
        for (int i = 0; i < networkHigh6.length; i++) {
            if ((high & maskHigh6[i]) == networkHigh6[i] && (low & maskLow6[i]) == networkLow6[i]
                    && (unit6[i] < 0 || unit6[i] == unitId)) {
                return result6.get(i);
            }
        }
        return Optional.empty();
    }

    private Optional<DeviceProfile> forIpv4(int address, int unitId) {
        for (int i = 0; i < network4.length; i++) {
            if ((address & mask4[i]) == network4[i] && (unit4[i] < 0 || unit4[i] == unitId)) {
                return result4.get(i);
            }
        }
        return Optional.empty();
    }

    /** The profiles of the file by name, in file order; unmodifiable. */
    public Map<String, DeviceProfile> profiles() {
        return profiles;
    }

    /** The profile called {@code name}, or empty. */
    public Optional<DeviceProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** How many rules the {@code devices} list has. */
    public int ruleCount() {
        return rules.size();
    }

    /** The file the profiles came from, as named to {@link #load}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "DeviceProfiles[" + source + ": profiles " + profiles.keySet() + ", " + rules.size() + " rules]";
    }

    static boolean inet4HashIsAddress() {
        byte[][] samples = {{0, 0, 0, 0}, {1, 2, 3, 4}, {(byte) 192, (byte) 168, 56, 20},
                {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, {(byte) 128, 0, 0, 1}};
        try {
            for (byte[] sample : samples) {
                if (InetAddress.getByAddress(sample).hashCode() != IpBlock.int4(sample)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
