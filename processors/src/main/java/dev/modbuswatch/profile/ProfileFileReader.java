package dev.modbuswatch.profile;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a device profile file with snakeyaml-engine's node API (no object construction, so no YAML type guessing:
 * every value is checked here, with its key path, and any problem is a {@link ProfileException}).
 */
final class ProfileFileReader {

    private static final List<String> TOP_KEYS = List.of("profiles", "devices");
    private static final List<String> PROFILE_KEYS = List.of("registers", "input_registers", "protected", "passphrase");
    private static final List<String> REGISTER_KEYS = List.of("name", "scale", "unit", "signed");
    private static final List<String> PASSPHRASE_KEYS = List.of("register", "function");
    private static final List<String> DEVICE_KEYS = List.of("match", "unit", "profile");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,6}");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,4}");
    private static final int DEFAULT_PASSPHRASE_FUNCTION = 16;
    /** Bounds the digits of scaled values: a scale of 1e-999999 would print a million digits per event. */
    private static final int MAX_SCALE_EXPONENT = 30;

    private final String file;

    private ProfileFileReader(String file) {
        this.file = file;
    }

    static DeviceProfiles read(Path path) {
        ProfileFileReader reader = new ProfileFileReader(path.toString());
        return reader.parse(reader.text(path));
    }

    /** {@code text} as if read from a file named {@code file}. */
    static DeviceProfiles parse(String file, String text) {
        return new ProfileFileReader(file).parse(text);
    }

    private String text(Path path) {
        if (Files.isDirectory(path)) {
            throw fail("", "is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file, "", "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ProfileException(file, "", "permission denied", e);
        } catch (IOException e) {
            throw new ProfileException(file, "", "cannot be read: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProfileException(file, "", "is not UTF-8 text", e);
        }
    }

    private DeviceProfiles parse(String text) {
        Node root = compose(text);
        if (root == null || isNull(root)) {
            throw fail("", "the file is empty (expected the keys profiles and devices)");
        }
        if (!(root instanceof MappingNode)) {
            throw fail("", "expected a mapping with the keys profiles and devices, found " + describe(root));
        }
        Map<String, Node> top = entries(root, "", TOP_KEYS);
        Node profilesNode = required(top, "", "profiles");
        Node devicesNode = required(top, "", "devices");
        Map<String, DeviceProfile> profiles = profiles(profilesNode);
        List<DeviceProfiles.Rule> rules = devices(devicesNode, profiles);
        return new DeviceProfiles(file, profiles, rules);
    }

    private Node compose(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).build();
        try {
            return new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String where = mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ")
                    .orElse("");
            throw new ProfileException(file, "", where + "not valid YAML: " + yamlProblem(e), e);
        } catch (YamlEngineException e) {
            throw new ProfileException(file, "", "not valid YAML: " + e.getMessage(), e);
        }
    }

    /** snakeyaml's problem, after its context when there is one ("while parsing a flow sequence, expected ..."). */
    private static String yamlProblem(MarkedYamlEngineException e) {
        String context = e.getContext();
        String problem = e.getProblem();
        if (context == null || context.isBlank()) {
            return problem;
        }
        if (problem == null || problem.isBlank()) {
            return context;
        }
        return context + (problem.startsWith("but ") ? " " : ", ") + problem;
    }

    // ---- profiles

    private Map<String, DeviceProfile> profiles(Node node) {
        Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : entries(node, "profiles", null).entrySet()) {
            String name = entry.getKey();
            if (!PROFILE_NAME.matcher(name).matches()) {
                throw fail("profiles", "'" + name + "' is not a profile name (letters, digits, '_' and '-')");
            }
            profiles.put(name, profile(name, entry.getValue(), "profiles." + name));
        }
        return profiles;
    }

    private DeviceProfile profile(String name, Node node, String path) {
        Map<String, Node> keys = entries(node, path, PROFILE_KEYS);
        int passphraseRegister = -1;
        int passphraseFunction = -1;
        Node passphrase = keys.get("passphrase");
        if (passphrase != null && !isNull(passphrase)) {
            String at = path + ".passphrase";
            Map<String, Node> fields = entries(passphrase, at, PASSPHRASE_KEYS);
            passphraseRegister = address(scalar(required(fields, at, "register"), at + ".register"), at + ".register");
            passphraseFunction = DEFAULT_PASSPHRASE_FUNCTION;
            if (fields.containsKey("function")) {
                String text = scalar(fields.get("function"), at + ".function");
                passphraseFunction = DECIMAL.matcher(text).matches() ? Integer.parseInt(text) : -1;
                if (!DeviceProfile.writesRegisters(passphraseFunction)) {
                    throw fail(at + ".function", "'" + text + "' is not a function that writes holding registers"
                            + " (6, 16 or 23)");
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        Map<Integer, NamedRegister> registers =
                registers(keys.get("registers"), path + ".registers", "register ", names, passphraseRegister);
        Map<Integer, NamedRegister> inputRegisters =
                registers(keys.get("input_registers"), path + ".input_registers", "input register ", names, -1);
        List<Integer> protectedRegisters = protectedRegisters(keys.get("protected"), path + ".protected");
        try {
            return new DeviceProfile(name, registers, inputRegisters, protectedRegisters, passphraseRegister,
                    passphraseFunction);
        } catch (IllegalArgumentException e) { // everything is checked above; kept as a safety net
            throw new ProfileException(file, path, e.getMessage(), e);
        }
    }

    /**
     * @param kind  {@code "register "} or {@code "input register "}, for messages
     * @param names register names already used in the profile, with what they name
     */
    private Map<Integer, NamedRegister> registers(Node node, String path, String kind, Map<String, String> names,
                                                  int passphraseRegister) {
        Map<Integer, NamedRegister> registers = new LinkedHashMap<>();
        if (node == null) {
            return registers;
        }
        for (Map.Entry<String, Node> entry : entries(node, path, null).entrySet()) {
            String at = path + "." + entry.getKey();
            int address = address(entry.getKey(), at);
            if (registers.containsKey(address)) {
                throw fail(at, kind + address + " is already defined");
            }
            if (address == passphraseRegister) {
                throw fail(at, "register " + address + " takes the passphrase; it cannot have a name (its values"
                        + " would be written into events)");
            }
            NamedRegister register = register(entry.getValue(), at);
            String other = names.putIfAbsent(register.name(), kind + address);
            if (other != null) {
                throw fail(at + (entry.getValue() instanceof ScalarNode ? "" : ".name"),
                        "'" + register.name() + "' is already the name of " + other);
            }
            registers.put(address, register);
        }
        return registers;
    }

    private NamedRegister register(Node node, String path) {
        if (node instanceof ScalarNode && !isNull(node)) { // short form  4: temperature
            return new NamedRegister(name(scalar(node, path), path));
        }
        Map<String, Node> fields = entries(node, path, REGISTER_KEYS);
        String name = name(scalar(required(fields, path, "name"), path + ".name"), path + ".name");
        BigDecimal scale = BigDecimal.ONE;
        if (fields.containsKey("scale")) {
            String text = scalar(fields.get("scale"), path + ".scale");
            scale = number(text);
            if (scale == null) {
                throw fail(path + ".scale", "'" + text + "' is not a number");
            }
            if (scale.signum() == 0) {
                throw fail(path + ".scale", "scale must not be 0");
            }
            if (Math.abs(scale.stripTrailingZeros().scale()) > MAX_SCALE_EXPONENT) {
                throw fail(path + ".scale", "'" + text + "' is out of range (1e-" + MAX_SCALE_EXPONENT + " .. 1e"
                        + MAX_SCALE_EXPONENT + ")");
            }
        }
        String unit = null;
        if (fields.containsKey("unit")) {
            unit = scalar(fields.get("unit"), path + ".unit");
            if (unit.isBlank()) {
                throw fail(path + ".unit", "unit must not be blank");
            }
        }
        boolean signed = false;
        if (fields.containsKey("signed")) {
            String text = scalar(fields.get("signed"), path + ".signed");
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw fail(path + ".signed", "'" + text + "' is not true or false");
            }
            signed = text.equalsIgnoreCase("true");
        }
        return new NamedRegister(name, scale, unit, signed);
    }

    private String name(String text, String path) {
        if (!NamedRegister.isValidName(text)) {
            throw fail(path, "'" + text + "' is not a lower snake case name (a-z, 0-9 and _, starting with a letter)");
        }
        return text;
    }

    private List<Integer> protectedRegisters(Node node, String path) {
        List<Integer> addresses = new ArrayList<>();
        if (node == null || isNull(node)) {
            return addresses;
        }
        List<Node> items = sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            int address = address(scalar(items.get(i), at), at);
            if (addresses.contains(address)) {
                throw fail(at, "register " + address + " is listed twice");
            }
            addresses.add(address);
        }
        return addresses;
    }

    // ---- devices

    private List<DeviceProfiles.Rule> devices(Node node, Map<String, DeviceProfile> profiles) {
        List<DeviceProfiles.Rule> rules = new ArrayList<>();
        if (isNull(node)) {
            return rules;
        }
        List<Node> items = sequence(node, "devices");
        for (int i = 0; i < items.size(); i++) {
            String path = "devices[" + i + "]";
            Map<String, Node> keys = entries(items.get(i), path, DEVICE_KEYS);
            String match = scalar(required(keys, path, "match"), path + ".match");
            IpBlock block;
            try {
                block = IpBlock.parse(match);
            } catch (IllegalArgumentException e) {
                throw new ProfileException(file, path + ".match", e.getMessage(), e);
            }
            int unit = -1;
            if (keys.containsKey("unit")) {
                String text = scalar(keys.get("unit"), path + ".unit");
                unit = DECIMAL.matcher(text).matches() ? Integer.parseInt(text) : -1;
                if (unit < 0 || unit > 255) {
                    throw fail(path + ".unit", "'" + text + "' is not a unit identifier (an integer 0..255)");
                }
            }
            String name = scalar(required(keys, path, "profile"), path + ".profile");
            DeviceProfile profile = profiles.get(name);
            if (profile == null) {
                throw fail(path + ".profile", "unknown profile '" + name + "' ("
                        + (profiles.isEmpty() ? "no profile is defined" : "defined: " + String.join(", ", profiles.keySet()))
                        + ")");
            }
            rules.add(new DeviceProfiles.Rule(block, unit, profile));
        }
        return rules;
    }

    // ---- YAML nodes

    /**
     * The entries of a mapping by key text, in file order; an empty value is an empty mapping.
     *
     * @param allowed the keys allowed, or null for any
     */
    private Map<String, Node> entries(Node node, String path, List<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (isNull(node)) {
            return entries;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw fail(path, "expected a mapping (key: value lines), found " + describe(node));
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw fail(path, "expected a plain key, found " + describe(tuple.getKeyNode()));
            }
            String text = key.getValue();
            if (allowed != null && !allowed.contains(text)) {
                throw fail(path, "unknown key '" + text + "' (expected " + String.join(", ", allowed) + ")");
            }
            if (entries.put(text, tuple.getValueNode()) != null) {
                throw fail(path, "duplicate key '" + text + "'");
            }
        }
        return entries;
    }

    private List<Node> sequence(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(path, "expected a list, found " + describe(node));
        }
        return sequence.getValue();
    }

    private Node required(Map<String, Node> entries, String path, String key) {
        Node node = entries.get(key);
        if (node == null) {
            throw fail(path, "missing key '" + key + "'");
        }
        return node;
    }

    private String scalar(Node node, String path) {
        if (isNull(node)) {
            throw fail(path, "missing value");
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw fail(path, "expected a single value, found " + describe(node));
        }
        return scalar.getValue().strip();
    }

    /** A register address: decimal 0..65535 or hexadecimal 0x0..0xFFFF. */
    private int address(String text, String path) {
        int value = -1;
        if (DECIMAL.matcher(text).matches()) {
            value = Integer.parseInt(text);
        } else if (HEX.matcher(text).matches()) {
            value = Integer.parseInt(text.substring(2), 16);
        }
        if (value < 0 || value > 0xFFFF) {
            throw fail(path, "'" + text + "' is not a register address (an integer 0..65535, or 0x0..0xFFFF)");
        }
        return value;
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty() || text.length() > 40 || !text.matches("[-+]?[0-9._eE+-]+")) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && NULLS.contains(scalar.getValue());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private ProfileException fail(String path, String problem) {
        return new ProfileException(file, path, problem);
    }
}
