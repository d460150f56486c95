package io.catalogbridge.alation;

import io.catalogbridge.api.CatalogBaseUrls;
import io.catalogbridge.api.DataSourceLinks;
import io.catalogbridge.api.Problem.FieldError;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.api.TextFields;
import io.catalogbridge.crypto.TokenCipher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tenant's Alation integration settings: what a valid one is (its quality settings included), and how it is
 * stored (the refresh token encrypted).
 * Used by the pipelines in {@code routes/alation/integration-settings.camel.yaml}.
 */
@Component("alationIntegrations")
public class AlationIntegrations {

    static final int MAX_TOKEN_BYTES = 4096;

    private final AlationProperties properties;
    private final TokenCipher cipher;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    public AlationIntegrations(AlationProperties properties, TokenCipher cipher,
            com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.properties = properties;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
    }

    /** Answers the valid integration (its URL normalised, and as given), or fails with 400 naming every bad field. */
    public AlationIntegration validate(AlationIntegrationRequest request) {
        ProblemException.requireBody(request);
        List<FieldError> errors = new ArrayList<>();
        String url = CatalogBaseUrls.check("url", request.url(), properties.allowHttp(), "https://alation.example.com",
                errors);
        if (request.userId() == null) {
            errors.add(new FieldError("user_id", "is required"));
        } else if (request.userId() <= 0) {
            errors.add(new FieldError("user_id", "must be a positive integer"));
        }
        String token = request.refreshApiToken();
        if (token == null || token.isBlank()) {
            errors.add(new FieldError("refresh_api_token", "is required and may not be empty"));
        } else if (TextFields.check("refresh_api_token", token, errors)
                && token.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES) {
            errors.add(new FieldError("refresh_api_token", "may not exceed 4 KiB"));
        }
        List<DataSourceLink> links = DataSourceLinks.check("data_source_links", request.dataSourceLinks(),
                "data_source_name", DataSourceLink::dataSourceName, (link, at) -> {
                    if (link != null && (link.alationDataSourceId() == null || link.alationDataSourceId() <= 0)) {
                        errors.add(new FieldError(at + ".alation_data_source_id", "must be a positive integer"));
                    }
                }, errors);
        AlationQualitySettings quality = quality(request.quality(), errors);
        ProblemException.rejectIfAny("Invalid Alation integration", errors);
        return new AlationIntegration(url, request.url(), request.userId(), token, links, quality);
    }

    /**
     * The quality settings of the body: absent ones (or a null) take their defaults; a field id must be a positive
     * integer (or null: no rich text); a key that is none of the settings is refused, so that a misspelt one is not
     * silently ignored. Wrong types ({@code "push": "yes"}) are refused by Jackson already, naming the field.
     */
    static AlationQualitySettings quality(AlationQualityRequest request, List<FieldError> errors) {
        if (request == null) {
            return AlationQualitySettings.DEFAULTS;
        }
        for (String key : request.unknownKeys()) {
            errors.add(new FieldError("quality." + key,
                    "is not a quality setting (push, trust_flags, rich_text_field_id)"));
        }
        Long fieldId = request.getRichTextFieldId();
        if (fieldId != null && fieldId <= 0) {
            errors.add(new FieldError("quality.rich_text_field_id", "must be a positive integer or null"));
        }
        AlationQualitySettings defaults = AlationQualitySettings.DEFAULTS;
        return new AlationQualitySettings(request.getPush() == null ? defaults.push() : request.getPush(),
                request.getTrustFlags() == null ? defaults.trustFlags() : request.getTrustFlags(), fieldId);
    }

    /** The link rows to insert: named parameters of {@code sql/alation-data-source-link-insert.sql}. */
    public List<Map<String, Object>> linkRows(String tenant, AlationIntegration integration) {
        return integration.dataSourceLinks().stream().map(link -> Map.<String, Object>of("tenant_id", tenant,
                "data_source_name", link.dataSourceName(), "alation_data_source_id", link.alationDataSourceId()))
                .toList();
    }

    /** A stored integration as the API shows it (a row of {@code sql/alation-integration-select.sql}). */
    public AlationIntegrationSettings settings(Map<String, Object> row) throws java.io.IOException {
        List<DataSourceLink> links = objectMapper.readValue(String.valueOf(row.get("data_source_links")),
                objectMapper.getTypeFactory().constructCollectionType(List.class, DataSourceLink.class));
        Number fieldId = (Number) row.get("quality_rich_text_field_id");
        return new AlationIntegrationSettings((String) row.get("url"), ((Number) row.get("user_id")).longValue(), links,
                new AlationQualitySettings((Boolean) row.get("quality_push"), (Boolean) row.get("quality_trust_flags"),
                        fieldId == null ? null : fieldId.longValue()));
    }

    public AlationCredentials credentials(AlationIntegration integration) {
        return new AlationCredentials(integration.url(), integration.userId(), integration.refreshApiToken());
    }

    /** The row to upsert: named parameters of {@code sql/alation-integration-upsert.sql}. */
    public Map<String, Object> toRow(String tenant, AlationIntegration integration) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", tenant);
        row.put("url", integration.url());
        row.put("given_url", integration.givenUrl());
        row.put("user_id", integration.userId());
        row.put("refresh_token_encrypted", cipher.encrypt(tenant, integration.refreshApiToken()));
        row.put("quality_push", integration.quality().push());
        row.put("quality_trust_flags", integration.quality().trustFlags());
        row.put("quality_rich_text_field_id", integration.quality().richTextFieldId());
        return row;
    }

    /** The connection of a stored integration (a row of {@code sql/alation-connection-select.sql}), token decrypted. */
    public AlationConnection connection(Map<String, Object> row) {
        String tenant = (String) row.get("tenant_id");
        return new AlationConnection(tenant, (String) row.get("url"), ((Number) row.get("user_id")).longValue(),
                cipher.decrypt(tenant, (String) row.get("refresh_token_encrypted")),
                ((Number) row.get("version")).longValue());
    }
}
