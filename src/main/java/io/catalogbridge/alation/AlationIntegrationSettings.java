package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A tenant's Alation integration as the API shows it: never with its token; its quality settings always. */
public record AlationIntegrationSettings(
        @JsonProperty("url") String url,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("data_source_links") List<DataSourceLink> dataSourceLinks,
        @JsonProperty("quality") AlationQualitySettings quality) {
}
