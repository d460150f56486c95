package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A table (or view) as {@code GET /integration/v2/table/} lists it; only the fields the bridge uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationTable(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("ds_id") Long dsId,
        @JsonProperty("schema_id") Long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_type") String tableType,
        @JsonProperty("key") String key) implements AlationObject {

    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : dsId == null ? "ds_id" : schemaName == null ? "schema_name" : null;
    }
}
