package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
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
     * cost as much as the parsing. A value of the expected JSON type is taken as it comes; any other goes to Jackson's
     * own deserializer of the field's type, so coercions and failures (a failure names its field, as Jackson's record
     * binding names it) are Jackson's. {@code table_type} and {@code key} are {@link TextOrNull}: they never fail a
     * table. Other fields are passed over.
     */
    static final class Reader extends JsonDeserializer<AlationTable> {

        private final TextOrNull textOrNull = new TextOrNull();

        @Override
        public AlationTable deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                return (AlationTable) context.handleUnexpectedToken(AlationTable.class, parser);
            }
            Long id = null;
            Long dsId = null;
            Long schemaId = null;
            String name = null;
            String schemaName = null;
            String tableType = null;
            String key = null;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                try {
                    switch (field) {
                        case "id" -> id = id(token, parser, context);
                        case "name" -> name = text(token, parser, context);
                        case "ds_id" -> dsId = id(token, parser, context);
                        case "schema_id" -> schemaId = id(token, parser, context);
                        case "schema_name" -> schemaName = text(token, parser, context);
                        case "table_type" -> tableType = textOrNull.deserialize(parser, context);
                        case "key" -> key = textOrNull.deserialize(parser, context);
                        default -> parser.skipChildren();
                    }
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, AlationTable.class, field);
                }
            }
            return new AlationTable(id, name, dsId, schemaId, schemaName, tableType, key);
        }

        private static Long id(JsonToken token, JsonParser parser, DeserializationContext context) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            return token == JsonToken.VALUE_NULL ? null
                    : (Long) context.findRootValueDeserializer(context.constructType(Long.class))
                            .deserialize(parser, context);
        }

        private static String text(JsonToken token, JsonParser parser, DeserializationContext context)
                throws IOException {
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            return token == JsonToken.VALUE_NULL ? null
                    : (String) context.findRootValueDeserializer(context.constructType(String.class))
                            .deserialize(parser, context);
        }
    }
}
