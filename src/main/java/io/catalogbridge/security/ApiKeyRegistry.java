package io.catalogbridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The API keys the service accepts, held by their SHA-256 digest. With no key configured at all, one key valid for
 * every tenant is generated at start-up and logged once, as Spring Boot does with its generated password.
 */
@Component
public class ApiKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    /** What a key grants: its holder's name and the tenants it may use. */
    public record Grant(String name, Set<String> tenants) {
        public boolean allows(String tenant) {
            return isOperator() || tenants.contains(tenant);
        }

        /**
         * A key valid for every tenant (the admin key, the generated key, {@code tenants: ["*"]}) belongs to an
         * operator: the actuator shows every tenant's metrics and routes, so only such a key may read it.
         */
        public boolean isOperator() {
            return tenants.contains(ApiKeyRegistry.ALL_TENANTS);
        }
    }

    static final String ALL_TENANTS = "*";

    private final Map<String, Grant> grantsByDigest = new HashMap<>();

    public ApiKeyRegistry(SecurityProperties properties) {
        for (SecurityProperties.ApiKey key : properties.apiKeys()) {
            if (!StringUtils.hasText(key.sha256()) || !key.sha256().matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalStateException("catalog-bridge.security.api-keys: key '" + key.name()
                        + "' needs 'sha256', the 64-character hex SHA-256 digest of the key");
            }
            grantsByDigest.put(key.sha256().toLowerCase(Locale.ROOT),
                    new Grant(key.name(), Set.copyOf(key.tenants())));
        }
        if (StringUtils.hasText(properties.adminKey())) {
            grantsByDigest.put(sha256Hex(properties.adminKey()), new Grant("admin", Set.of(ALL_TENANTS)));
        }
        if (grantsByDigest.isEmpty()) {
            String generated = generateKey();
            grantsByDigest.put(sha256Hex(generated), new Grant("generated", Set.of(ALL_TENANTS)));
            log.warn("""


                    Using generated API key: {}

                    This generated key is valid for every tenant and for development use only. Configure \
                    catalog-bridge.security.api-keys or CATALOG_BRIDGE_ADMIN_KEY before running in production.
                    """, generated);
        }
    }

    public Optional<Grant> lookup(String presentedKey) {
        return Optional.ofNullable(grantsByDigest.get(sha256Hex(presentedKey)));
    }

    public static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String generateKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
