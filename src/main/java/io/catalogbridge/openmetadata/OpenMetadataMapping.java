package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * An asset linked to its OpenMetadata table. {@code table_id} is OpenMetadata's UUID, {@code table_fqn} its fully
 * qualified name as the server wrote it (quoted parts included); the service, database and schema names are those
 * of the table's references, unquoted. A MySQL-like table's {@code database_name} is OpenMetadata's {@code default}
 * (or the service's {@code databaseName}), as it is in OpenMetadata.
 */
public record OpenMetadataMapping(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("database_name") String databaseName,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_id") UUID tableId,
        @JsonProperty("table_name") String tableName,
        @JsonProperty("table_fqn") String tableFqn) {

    /**
     * The mapping of an asset to a table, the one factory for the matcher and manual mappings. The table must be
     * usable ({@link OpenMetadataTable#missingField} null) and not soft-deleted: callers have checked, so a breach is
     * a bug, not an answer to give.
     */
    public static OpenMetadataMapping of(String assetId, OpenMetadataTable table) {
        if (table.missingField() != null) {
            throw new IllegalArgumentException("Table " + table.id() + " cannot be mapped: no " + table.missingField());
        }
        if (table.isDeleted()) {
            throw new IllegalArgumentException("Table " + table.id() + " is soft-deleted: never a mapping target");
        }
        return new OpenMetadataMapping(assetId, table.service().name(), table.database().name(),
                table.databaseSchema().name(), table.id(), table.name(), table.fullyQualifiedName());
    }
}
