package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which OpenMetadata database service holds the tables of an observability data source (matching rule 1a). A service
 * is named by its {@code name}, OpenMetadata's stable key (its id changes if the service is re-created; its
 * {@code displayName} is free text).
 */
public record OpenMetadataDataSourceLink(
        @JsonProperty("data_source_name") String dataSourceName,
        @JsonProperty("service_name") String serviceName) {
}
