package io.catalogbridge.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class EncryptionKeyTest {

    @TempDir
    Path dir;

    private final MockEnvironment embedded = new MockEnvironment();
    private final MockEnvironment external = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.com/cb");

    @Test
    void aConfiguredKeyIsUsedAsGiven() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        byte[] resolved = EncryptionConfiguration.resolveKey(
                new EncryptionProperties(Base64.getEncoder().encodeToString(key), dir.resolve("k")), external);

        assertThat(resolved).isEqualTo(key);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> EncryptionConfiguration.resolveKey(
                new EncryptionProperties(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("k")),
                embedded)).hasMessageContaining("32 bytes");
    }

    @Test
    void anExternalDatabaseWithoutAKeyRefusesToStart() {
        assertThatThrownBy(() -> EncryptionConfiguration.resolveKey(new EncryptionProperties("", dir.resolve("k")),
                external)).hasMessageContaining("CATALOG_BRIDGE_ENCRYPTION_KEY is not set");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void theEmbeddedDatabaseGeneratesAnOwnerOnlyKeyOnceAndKeepsIt() throws Exception {
        Path file = dir.resolve("data").resolve("encryption.key");

        byte[] first = EncryptionConfiguration.resolveKey(new EncryptionProperties(null, file), embedded);
        byte[] second = EncryptionConfiguration.resolveKey(new EncryptionProperties(null, file), embedded);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(first);
    }
}
