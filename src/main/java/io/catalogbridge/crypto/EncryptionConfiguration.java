package io.catalogbridge.crypto;

import io.catalogbridge.database.EmbeddedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the encryption key comes from: {@code CATALOG_BRIDGE_ENCRYPTION_KEY} when set; otherwise, on the embedded
 * database only, a key generated once into a file beside the data (owner-only). On an external database with no key
 * the service refuses to start: a key generated on one replica's disk would lock the others out of the tokens.
 */
@Configuration(proxyBeanMethods = false)
public class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);
    private static final int KEY_BYTES = 32;

    @Bean
    TokenCipher tokenCipher(EncryptionProperties properties, Environment environment) throws IOException {
        return new TokenCipher(new SecretKeySpec(resolveKey(properties, environment), "AES"));
    }

    static byte[] resolveKey(EncryptionProperties properties, Environment environment) throws IOException {
        if (StringUtils.hasText(properties.key())) {
            return decode(properties.key().trim(), "CATALOG_BRIDGE_ENCRYPTION_KEY");
        }
        if (!EmbeddedDatabase.inUse(environment)) {
            throw new IllegalStateException("CATALOG_BRIDGE_ENCRYPTION_KEY is not set. With an external database"
                    + " (spring.datasource.url) the refresh-token encryption key must be given: base64 of 32 random"
                    + " bytes, e.g. `openssl rand -base64 32`, the same on every replica.");
        }
        Path file = properties.keyFile();
        if (Files.exists(file)) {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, ".encryption", ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(partial, file);
        log.warn("CATALOG_BRIDGE_ENCRYPTION_KEY is not set: generated the refresh-token encryption key in {}"
                + " (owner-only). Back it up with the embedded data; without it the stored tokens are lost.",
                file.toAbsolutePath());
        return key;
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 bytes (AES-256), not "
                    + key.length);
        }
        return key;
    }
}
