package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A table (or view) as {@code GET /integration/v2/table/} lists it; only the fields the bridge uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationTable(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("ds_id") Long dsId,
        @JsonProperty("schema_id") Long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_type") @JsonDeserialize(using = TextOrNull.class) String tableType,
        @JsonProperty("key") @JsonDeserialize(using = TextOrNull.class) String key) implements AlationObject {

    /** A mapping needs every one of these: {@code asset_id}'s table is nothing without its ids and names. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : dsId == null ? "ds_id" : schemaId == null ? "schema_id"
                : schemaName == null ? "schema_name" : null;
    }
}
