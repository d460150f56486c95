package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /{tenant}/configuration/mappings/alation}. */
public record ManualMappingRequest(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("alation_table_id") Long alationTableId) {
}
