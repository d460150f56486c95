package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /{tenant}/configuration/mappings/openmetadata}: the asset and its table, named by
 * OpenMetadata's id or by its FQN (exactly one of the two). The id is read as text so that one that is no UUID is a
 * 400 naming the field, not a body that cannot be read.
 */
public record OpenMetadataManualMappingRequest(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("openmetadata_table_id") String openmetadataTableId,
        @JsonProperty("table_fqn") String tableFqn) {
}
