package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.Registers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How an attempted passphrase appears in an alert: by default only its length and a keyed hash (HMAC-SHA256 of the
 * register values, big-endian, first 8 bytes in hex), so that equal attempts can be recognised without revealing
 * them; the values themselves only when showing them is switched on.
 */
public final class PassphraseMask {

    private final byte[] key;
    private final boolean show;

    public PassphraseMask(String key, boolean show) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("modbus.detect.bad-login.mask-key must not be empty");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.show = show;
    }

    public boolean shows() {
        return show;
    }

    public String describe(Registers attempt) {
        if (show) {
            return "passphrase registers " + attempt;
        }
        return "passphrase masked: " + attempt.size() + " registers, hmac-sha256 " + hash(attempt);
    }

    String hash(Registers attempt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int i = 0; i < attempt.size(); i++) {
                int value = attempt.getInt(i);
                mac.update((byte) (value >> 8));
                mac.update((byte) value);
            }
            return HexFormat.of().formatHex(mac.doFinal(), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
