package dev.modbuswatch.output.azure;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SharedKeySignerTest {

    private static final String WORKSPACE = "11111111-2222-3333-4444-555555555555";
    private static final byte[] KEY = "a shared key of 32 bytes, or so!".getBytes(StandardCharsets.US_ASCII);
    private static final String DATE = "Tue, 01 Dec 2026 22:30:00 GMT";

    @Test
    void signatureIsWhatOpensslComputes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        String stringToSign = "POST\n1234\napplication/json\nx-ms-date:" + DATE + "\n/api/logs";
        Path input = Files.createTempFile("string-to-sign", ".txt");
        Files.write(input, stringToSign.getBytes(StandardCharsets.UTF_8));
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "dgst", "-sha256", "-binary", "-mac", "HMAC",
                "-macopt", "hexkey:" + HexFormat.of().formatHex(KEY), input.toString()).start();
        byte[] mac = openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();
        Files.delete(input);
        assertThat(mac).hasSize(32);

        SharedKeySigner signer = new SharedKeySigner(WORKSPACE, Base64.getEncoder().encodeToString(KEY));
        assertThat(signer.signature(1234, DATE)).isEqualTo(Base64.getEncoder().encodeToString(mac));
        assertThat(signer.authorization(1234, DATE))
                .isEqualTo("SharedKey " + WORKSPACE + ":" + Base64.getEncoder().encodeToString(mac));
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new SharedKeySigner(WORKSPACE, "not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shared key is not Base64");
        assertThat(new SharedKeySigner(WORKSPACE, Base64.getEncoder().encodeToString(KEY)).toString())
                .doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }
}
