package dev.modbuswatch.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownSecretsTest {

    @Test
    void aRegisteredValueIsBlankedWhereverItAppearsAndSoIsItsUrlEncodedForm() {
        KnownSecrets.register("s3cr3t~value/with+signs");
        assertThat(KnownSecrets.redact("Found property: x with value: s3cr3t~value/with+signs to be used."))
                .isEqualTo("Found property: x with value: xxxxxx to be used.");
        assertThat(KnownSecrets.redact("client_secret=s3cr3t%7Evalue%2Fwith%2Bsigns&scope=x"))
                .isEqualTo("client_secret=xxxxxx&scope=x");
    }

    @Test
    void aSecretContainingAnotherIsBlankedWhole() {
        KnownSecrets.register("abcd1234");
        KnownSecrets.register("abcd1234-and-more");
        assertThat(KnownSecrets.redact("key abcd1234-and-more")).isEqualTo("key xxxxxx");
    }

    @Test
    void authorizationHeaderValuesAreBlankedEvenIfNotRegistered() {
        assertThat(KnownSecrets.redact("headers: {Authorization=SharedKey ws:c2lnbmF0dXJl, Log-Type=X}"))
                .isEqualTo("headers: {Authorization=xxxxxx, Log-Type=X}");
        assertThat(KnownSecrets.redact("authorization: Bearer eyJ0eXAi.payload.sig"))
                .isEqualTo("authorization: xxxxxx");
        assertThat(KnownSecrets.redact("excludePattern: CamelHttpUri|Authorization|Content-Type"))
                .isEqualTo("excludePattern: CamelHttpUri|Authorization|Content-Type");
    }

    @Test
    void shortOrBlankValuesAreNotRegisteredSoOrdinaryTextStays() {
        KnownSecrets.register("abc");
        KnownSecrets.register("   ");
        KnownSecrets.register(null);
        assertThat(KnownSecrets.redact("abc def")).isEqualTo("abc def");
        assertThat(KnownSecrets.values()).doesNotContain("abc", "   ");
    }
}
