package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.client.JsonFields;
import io.catalogbridge.matching.CatalogTable;
import java.io.IOException;

/**
 * A table (or view) as {@code GET /integration/v2/table/} lists it; only the fields the bridge uses. It is the
 * matcher's neutral table as parsed ({@link CatalogTable}, ids as longs), so a full plan's 1,000,000 tables go
 * through the matcher with no copy per table.
 */
@JsonDeserialize(using = AlationTable.Reader.class)
public record AlationTable(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("ds_id") Long dsId,
        @JsonProperty("schema_id") Long schemaId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("table_type") String tableType,
        @JsonProperty("key") String key) implements AlationObject, CatalogTable<Long> {

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

    /**
     * Reads a table field by field, the fields the bridge uses and nothing else bound: the full plan reads a million
     * of them, and Jackson's binding of a record (a buffer of creator properties, then the constructor by reflection)
     * cost as much as the parsing. Values as {@link JsonFields} takes them; {@code table_type} and {@code key} are
     * {@link TextOrNull}: they never fail a table. Other fields are passed over.
     */
    static final class Reader extends JsonDeserializer<AlationTable> {

        private final TextOrNull textOrNull = new TextOrNull();

        @Override
        public AlationTable deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Fields read = new Fields();
            JsonFields.readObject(parser, context, AlationTable.class, field -> {
                switch (field) {
                    case "id" -> read.id = JsonFields.integer(parser, context);
                    case "name" -> read.name = JsonFields.text(parser, context);
                    case "ds_id" -> read.dsId = JsonFields.integer(parser, context);
                    case "schema_id" -> read.schemaId = JsonFields.integer(parser, context);
                    case "schema_name" -> read.schemaName = JsonFields.text(parser, context);
                    case "table_type" -> read.tableType = textOrNull.deserialize(parser, context);
                    case "key" -> read.key = textOrNull.deserialize(parser, context);
                    default -> parser.skipChildren();
                }
            });
            return new AlationTable(read.id, read.name, read.dsId, read.schemaId, read.schemaName, read.tableType,
                    read.key);
        }

        /** The fields read so far. */
        private static final class Fields {
            Long id;
            String name;
            Long dsId;
            Long schemaId;
            String schemaName;
            String tableType;
            String key;
        }
    }
}
