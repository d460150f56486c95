package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.crypto.TokenCipher;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How a tenant's OpenMetadata integration is stored: the JWT encrypted (bound to the tenant), its expiry read from
 * its {@code exp} claim ({@link JwtExpiry}), its quality settings in their columns, the links in their own rows; and how the rows read back, as the API shows
 * them and as the client pipelines use them. Used by {@code routes/openmetadata/integration-settings.camel.yaml} and
 * {@code connection.camel.yaml}.
 */
@Component("openmetadataIntegrationRows")
public class OpenMetadataIntegrationRows {

    private final TokenCipher cipher;
    private final ObjectMapper objectMapper;

    public OpenMetadataIntegrationRows(TokenCipher cipher, ObjectMapper objectMapper) {
        this.cipher = cipher;
        this.objectMapper = objectMapper;
    }

    /** The row to upsert: named parameters of {@code sql/openmetadata-integration-upsert.sql}. */
    public Map<String, Object> toRow(String tenant, OpenMetadataIntegration integration) {
        Instant expiresAt = JwtExpiry.read(integration.jwtToken(), objectMapper).expiresAt();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", tenant);
        row.put("url", integration.url());
        row.put("given_url", integration.givenUrl());
        row.put("jwt_token_encrypted", cipher.encrypt(tenant, integration.jwtToken()));
        // null: a token that never expires, or whose expiry cannot be read
        row.put("jwt_expires_at", expiresAt == null ? null : OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
        row.put("quality_push", integration.quality().push());
        return row;
    }

    /** The link rows to insert: named parameters of {@code sql/openmetadata-data-source-link-insert.sql}. */
    public List<Map<String, Object>> linkRows(String tenant, OpenMetadataIntegration integration) {
        return integration.dataSourceLinks().stream().map(link -> Map.<String, Object>of("tenant_id", tenant,
                "data_source_name", link.dataSourceName(), "service_name", link.serviceName())).toList();
    }

    /** A stored integration as the API shows it (a row of {@code sql/openmetadata-integration-select.sql}). */
    public OpenMetadataIntegrationSettings settings(Map<String, Object> row) throws IOException {
        List<OpenMetadataDataSourceLink> links = objectMapper.readValue(String.valueOf(row.get("data_source_links")),
                objectMapper.getTypeFactory().constructCollectionType(List.class, OpenMetadataDataSourceLink.class));
        return new OpenMetadataIntegrationSettings((String) row.get("url"), links,
                new OpenMetadataQualitySettings((Boolean) row.get("quality_push")));
    }

    /** The connection of a stored integration (a row of {@code sql/openmetadata-connection-select.sql}), JWT decrypted. */
    public OpenMetadataConnection connection(Map<String, Object> row) {
        String tenant = (String) row.get("tenant_id");
        return new OpenMetadataConnection(tenant, (String) row.get("url"),
                cipher.decrypt(tenant, (String) row.get("jwt_token_encrypted")), ((Number) row.get("version")).longValue());
    }

    /** The connection of an integration being saved, for the check of its token before anything is stored. */
    public OpenMetadataConnection unsaved(String tenant, OpenMetadataIntegration integration) {
        return new OpenMetadataConnection(tenant, integration.url(), integration.jwtToken(), 0);
    }
}
