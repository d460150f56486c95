package io.catalogbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static TokenCipher newCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TokenCipher(new SecretKeySpec(key, "AES"));
    }

    @Test
    void encryptsToAFreshCiphertextEachTimeAndDecryptsBack() {
        TokenCipher cipher = newCipher();
        String first = cipher.encrypt("acme", "refresh-token");
        String second = cipher.encrypt("acme", "refresh-token");

        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("refresh-token");
        assertThat(cipher.decrypt("acme", first)).isEqualTo("refresh-token");
        assertThat(cipher.decrypt("acme", second)).isEqualTo("refresh-token");
    }

    @Test
    void aCiphertextMovedToAnotherTenantDoesNotDecrypt() {
        TokenCipher cipher = newCipher();
        String sealed = cipher.encrypt("acme", "refresh-token");

        assertThatThrownBy(() -> cipher.decrypt("globex", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = newCipher().encrypt("acme", "refresh-token");

        assertThatThrownBy(() -> newCipher().decrypt("acme", sealed))
                .hasMessageContaining("CATALOG_BRIDGE_ENCRYPTION_KEY");
    }
}
