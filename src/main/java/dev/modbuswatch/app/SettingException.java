package dev.modbuswatch.app;

/** A setting with a value modbus-watch cannot use; the message names the key, the value and where it came from. */
final class SettingException extends IllegalArgumentException {

    SettingException(String key, String value, String problem) {
        super(key + " = '" + value + "' (application.properties or a -D override): " + problem);
    }

    private SettingException(String message) {
        super(message);
    }

    /** For a secret: the message names the key but not the value. */
    static SettingException secret(String key, String problem) {
        return new SettingException(key + " (application.properties, a -D override or {{env:NAME}}; value not shown): "
                + problem);
    }
}
