package dev.modbuswatch.output.azure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs Data Collector API requests: Base64(HMAC-SHA256(Base64-decoded shared key, UTF-8 of
 * {@code POST\n<body length in bytes>\napplication/json\nx-ms-date:<date>\n/api/logs})). Never shows the key.
 */
public final class SharedKeySigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final String workspaceId;
    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is not Base64 (the message does not contain it) */
    public SharedKeySigner(String workspaceId, String base64Key) {
        this.workspaceId = workspaceId;
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the shared key is not Base64");
        }
        if (decoded.length == 0) {
            throw new IllegalArgumentException("the shared key is empty");
        }
        this.key = new SecretKeySpec(decoded, ALGORITHM);
    }

    public String signature(int contentLength, String rfc1123Date) {
        String toSign = "POST\n" + contentLength + "\napplication/json\nx-ms-date:" + rfc1123Date + "\n/api/logs";
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The Authorization header's value. */
    public String authorization(int contentLength, String rfc1123Date) {
        return "SharedKey " + workspaceId + ":" + signature(contentLength, rfc1123Date);
    }

    @Override
    public String toString() {
        return "SharedKeySigner[" + workspaceId + "]";
    }
}
