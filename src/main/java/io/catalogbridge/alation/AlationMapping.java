package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An asset linked to its Alation table, in the documented shape. Every id after {@code asset_id} is Alation's;
 * {@code data_source_name} is the Alation data source's title.
 */
public record AlationMapping(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("data_source_id") long dataSourceId,
        @JsonProperty("data_source_name") String dataSourceName,
        @JsonProperty("schema_id") long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_id") long tableId,
        @JsonProperty("table_name") String tableName) {

    /** The mapping of an asset to an Alation table of the data source with this title. */
    public static AlationMapping of(String assetId, AlationTable table, String dataSourceTitle) {
        return new AlationMapping(assetId, table.dsId(), dataSourceTitle, table.schemaId() == null ? 0 : table.schemaId(),
                table.schemaName(), table.id(), table.name());
    }
}
