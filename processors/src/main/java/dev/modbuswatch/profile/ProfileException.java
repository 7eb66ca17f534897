package dev.modbuswatch.profile;

/**
 * A device profile file that cannot be used. The message is one line meant for the user as it is:
 * {@code <file>: <key path>: <problem>}, e.g. {@code devices.yaml: devices[2].match: '10.0.0.0/33' is not an IP
 * address or CIDR block}; the key path is left out when the problem concerns the whole file
 * ({@code devices.yaml: no such file}).
 */
public class ProfileException extends RuntimeException {

    private final String file;
    private final String keyPath;
    private final String problem;

    public ProfileException(String file, String keyPath, String problem) {
        this(file, keyPath, problem, null);
    }

    public ProfileException(String file, String keyPath, String problem, Throwable cause) {
        super(message(file, keyPath, problem), cause);
        this.file = file;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
    }

    private static String message(String file, String keyPath, String problem) {
        String line = keyPath == null || keyPath.isEmpty() ? file + ": " + problem : file + ": " + keyPath + ": " + problem;
        // One line whatever the problem text (YAML parser messages can span lines).
        return line.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The file as it was named (the path given to {@link DeviceProfiles#load}). */
    public String file() {
        return file;
    }

    /** Where in the file: {@code devices[2].match}, {@code profiles.thermostat.registers.4.scale}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without file and key path. */
    public String problem() {
        return problem;
    }
}
