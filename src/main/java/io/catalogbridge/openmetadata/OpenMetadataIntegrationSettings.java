package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A tenant's OpenMetadata integration as the API shows it ({@code PUT} and {@code GET} answers): the url exactly as
 * the client sent it, the links, and the quality settings (always, with their defaults); never the token.
 */
public record OpenMetadataIntegrationSettings(
        @JsonProperty("url") String url,
        @JsonProperty("data_source_links") List<OpenMetadataDataSourceLink> dataSourceLinks,
        @JsonProperty("quality") OpenMetadataQualitySettings quality) {
}
