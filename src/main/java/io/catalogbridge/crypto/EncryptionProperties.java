package io.catalogbridge.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The key that encrypts refresh tokens at rest: given (base64 of 32 bytes) or, on the embedded database, a key file. */
@ConfigurationProperties("catalog-bridge.encryption")
public record EncryptionProperties(String key, Path keyFile) {
}
