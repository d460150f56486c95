package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.database.SqlQueries;
import io.catalogbridge.status.CredentialCheck;
import io.catalogbridge.status.CredentialSettings;
import io.catalogbridge.status.IntegrationStatusSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * OpenMetadata's part in the status of its integrations: its tables ({@code sql/openmetadata-status-*.sql}) and its
 * credential check, which asks OpenMetadata nothing: a bot token's expiry is its JWT's {@code exp} ({@link JwtExpiry}).
 * No {@code exp}: ACTIVE without an expiry; past it: EXPIRED; a token that is no readable JWT: UNKNOWN. That
 * OpenMetadata answered 401 to the token's last calls the core knows from the integration's health (REFUSED).
 */
@Component
public class OpenMetadataIntegrationStatus implements IntegrationStatusSource {

    private final SqlQueries queries;
    private final OpenMetadataIntegrationRows rows;
    private final ObjectMapper objectMapper;
    private final OpenMetadataStatusProperties properties;
    private final Clock clock = Clock.systemUTC();

    public OpenMetadataIntegrationStatus(SqlQueries queries, OpenMetadataIntegrationRows rows,
            ObjectMapper objectMapper, OpenMetadataStatusProperties properties) {
        this.queries = queries;
        this.rows = rows;
        this.objectMapper = objectMapper;
        this.properties = properties;
    }

    @Override
    public String catalog() {
        return OpenMetadataCalls.CATALOG;
    }

    @Override
    public String catalogName() {
        return "OpenMetadata";
    }

    @Override
    public CredentialCheck checkCredential(String tenant) {
        List<Map<String, Object>> found = queries.rows("openmetadata-connection-select.sql", Map.of("tenant", tenant));
        if (found.isEmpty()) {
            return CredentialCheck.unknown();
        }
        JwtExpiry expiry = JwtExpiry.read(rows.connection(found.get(0)).jwtToken(), objectMapper);
        return switch (expiry.kind()) {
            case NEVER -> CredentialCheck.active(null);
            case AT -> CredentialCheck.active(expiry.expiresAt()).at(clock.instant());
            case UNKNOWN -> CredentialCheck.unknown();
        };
    }

    @Override
    public CredentialSettings credentialSettings() {
        return properties;
    }
}
