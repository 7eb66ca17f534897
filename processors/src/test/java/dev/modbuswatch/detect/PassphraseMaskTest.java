package dev.modbuswatch.detect;

import dev.modbuswatch.modbus.Registers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PassphraseMaskTest {

    private static final Registers ABCDEF = Registers.of(97, 98, 99, 100, 101, 102);

    @Test
    void hashIsHmacSha256OfTheBigEndianRegistersAsOpensslComputesIt(@TempDir Path folder) throws Exception {
        Path bytes = Files.write(folder.resolve("attempt"), new byte[] {0, 97, 0, 98, 0, 99, 0, 100, 0, 101, 0, 102});
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", "plant-key", "-r", bytes.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "openssl is not installed: " + e.getMessage());
            return;
        }
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String expected = new String(openssl.getInputStream().readAllBytes()).substring(0, 16);

        assertThat(new PassphraseMask("plant-key", false).hash(ABCDEF)).isEqualTo(expected);
    }

    @Test
    void maskedDescriptionHasTheLengthAndHashButNoValue() {
        String text = new PassphraseMask("plant-key", false).describe(ABCDEF);

        assertThat(text).matches("passphrase masked: 6 registers, hmac-sha256 [0-9a-f]{16}");
        assertThat(text).doesNotContain("97");
    }

    @Test
    void theKeyChangesTheHash() {
        assertThat(new PassphraseMask("a", false).hash(ABCDEF)).isNotEqualTo(new PassphraseMask("b", false).hash(ABCDEF));
    }

    @Test
    void showingThePassphraseIsExplicit() {
        assertThat(new PassphraseMask("k", true).describe(ABCDEF))
                .isEqualTo("passphrase registers [97, 98, 99, 100, 101, 102]");
    }
}
