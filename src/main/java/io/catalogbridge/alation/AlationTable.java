package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.matching.CatalogTable;

/**
 * A table (or view) as {@code GET /integration/v2/table/} lists it; only the fields the bridge uses. It is the
 * matcher's neutral table as parsed ({@link CatalogTable}, ids as longs), so a full plan's 1,000,000 tables go
 * through the matcher with no copy per table.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationTable(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("ds_id") Long dsId,
        @JsonProperty("schema_id") Long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_type") @JsonDeserialize(using = TextOrNull.class) String tableType,
        @JsonProperty("key") @JsonDeserialize(using = TextOrNull.class) String key) implements AlationObject, CatalogTable<Long> {

    @Override
    public Long dataSourceId() {
        return dsId;
    }

    /** A mapping carries the table's, its schema's and its data source's ids. */
    @Override
    public boolean isMappable() {
        return id != null && dsId != null && schemaId != null;
    }

    /** A mapping needs every one of these: {@code asset_id}'s table is nothing without its ids and names. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : dsId == null ? "ds_id" : schemaId == null ? "schema_id"
                : schemaName == null ? "schema_name" : null;
    }
}
