package io.catalogbridge.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys ({@code catalog-bridge.security.*}). Keys are configured by their SHA-256 digest, never in clear; only the
 * admin key (from {@code CATALOG_BRIDGE_ADMIN_KEY}) is given as is, for operators who inject it from a secret store.
 */
@ConfigurationProperties("catalog-bridge.security")
public record SecurityProperties(String adminKey, List<ApiKey> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** One configured key: who holds it, its SHA-256 hex digest, and the tenants it opens ({@code *} for all). */
    public record ApiKey(String name, String sha256, List<String> tenants) {
        public ApiKey {
            tenants = tenants == null ? List.of() : List.copyOf(tenants);
        }
    }
}
