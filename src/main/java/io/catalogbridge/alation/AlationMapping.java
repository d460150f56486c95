package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An asset linked to its Alation table, in the documented shape. Every id after {@code asset_id} is Alation's;
 * {@code data_source_name} is the Alation data source's title. {@code tableKey} is the table's object key (its
 * {@code key} field), which quality delivery names the table by; it is stored with the mapping but is no part of the
 * documented shape, so the API never shows it (null when not known, e.g. a mapping read back from an answer).
 */
public record AlationMapping(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("data_source_id") long dataSourceId,
        @JsonProperty("data_source_name") String dataSourceName,
        @JsonProperty("schema_id") long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_id") long tableId,
        @JsonProperty("table_name") String tableName,
        @JsonIgnore String tableKey) {

    /** A mapping whose table key is not known. */
    public AlationMapping(String assetId, long dataSourceId, String dataSourceName, long schemaId, String schemaName,
            long tableId, String tableName) {
        this(assetId, dataSourceId, dataSourceName, schemaId, schemaName, tableId, tableName, null);
    }

    /** The mapping of an asset to an Alation table of the data source with this title. */
    public static AlationMapping of(String assetId, AlationTable table, String dataSourceTitle) {
        return new AlationMapping(assetId, table.dsId(), dataSourceTitle, table.schemaId() == null ? 0 : table.schemaId(),
                table.schemaName(), table.id(), table.name(), table.key());
    }
}
