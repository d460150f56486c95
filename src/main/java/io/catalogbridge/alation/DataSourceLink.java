package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which Alation data source holds the tables of an observability data source (matching rule 1a). */
public record DataSourceLink(
        @JsonProperty("data_source_name") String dataSourceName,
        @JsonProperty("alation_data_source_id") Long alationDataSourceId) {
}
