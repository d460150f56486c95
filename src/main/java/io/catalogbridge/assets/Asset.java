package io.catalogbridge.assets;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An observability asset: a table the Data Observability platform monitors. {@code assetId}, {@code schema} and
 * {@code table} are required; the connection fields help the matcher choose the right data source in a catalog.
 */
public record Asset(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("data_source_name") String dataSourceName,
        @JsonProperty("data_source_type") String dataSourceType,
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("database") String database,
        @JsonProperty("schema") String schema,
        @JsonProperty("table") String table) {
}
