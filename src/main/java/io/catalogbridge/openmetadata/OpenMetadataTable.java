package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.client.JsonFields;
import io.catalogbridge.matching.CatalogTable;
import java.io.IOException;
import java.util.UUID;

/**
 * A table (or view) as {@code GET /v1/tables} lists it and {@code GET /v1/tables/{id}} answers it; only the fields
 * the bridge uses. Its service, database and schema names come from its references, never from splitting its FQN.
 * {@code columns}, {@code owner}/{@code owners}, {@code domain}/{@code domains} (1.4 against later servers) and every
 * other field are ignored. It is the matcher's neutral table as parsed ({@link CatalogTable}, ids as UUIDs, its
 * service as its data source), so a listing's tables go through the matcher with no copy per table.
 */
@JsonDeserialize(using = OpenMetadataTable.Reader.class)
public record OpenMetadataTable(
        @JsonProperty("id") UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("tableType") String tableType,
        @JsonProperty("deleted") Boolean deleted,
        @JsonProperty("serviceType") String serviceType,
        @JsonProperty("service") OpenMetadataEntityReference service,
        @JsonProperty("database") OpenMetadataEntityReference database,
        @JsonProperty("databaseSchema") OpenMetadataEntityReference databaseSchema)
        implements OpenMetadataObject, CatalogTable<UUID> {

    @Override
    public UUID dataSourceId() {
        return service == null ? null : service.id();
    }

    /**
     * The schema as an asset spells it: a database-less service's schema alone (a MySQL asset's schema is the MySQL
     * database, which OpenMetadata files as a schema under its own {@code default}); otherwise
     * {@code database.schema} from the references' names, never from the FQN (whose parts may be quoted). Built on
     * each call: the matcher asks only for tables whose name an asset wants.
     */
    @Override
    public String schemaName() {
        String schema = databaseSchema == null ? null : databaseSchema.name();
        if (schema == null || OpenMetadataServiceTypes.isDatabaseLess(serviceType)) {
            return schema;
        }
        String databaseName = database == null ? null : database.name();
        return databaseName == null ? null : databaseName + "." + schema;
    }

    /** A mapping needs what {@link #missingField} asks for and the service's id; a deleted table is never a target. */
    @Override
    public boolean isMappable() {
        return missingField() == null && service.id() != null && !isDeleted();
    }

    /** Soft-deleted tables ({@code include=all} shows them) are never a mapping target; absent means not deleted. */
    public boolean isDeleted() {
        return Boolean.TRUE.equals(deleted);
    }

    /** A mapping needs the table's id, names and FQN, and the names of its service, database and schema. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : fullyQualifiedName == null ? "fullyQualifiedName"
                : service == null || service.name() == null ? "service.name"
                : database == null || database.name() == null ? "database.name"
                : databaseSchema == null || databaseSchema.name() == null ? "databaseSchema.name" : null;
    }

    /**
     * Reads a table field by field, the fields the bridge uses and nothing else bound (a listing's page is about a
     * megabyte, most of it columns, which are passed over unbound): Jackson's binding of a record, a buffer of creator
     * properties and a constructor by reflection for the table and each of its references, cost more than the
     * parsing. Values as {@link JsonFields} takes them; the id is {@link UuidOrNull}.
     */
    static final class Reader extends JsonDeserializer<OpenMetadataTable> {

        private final UuidOrNull uuidOrNull = new UuidOrNull();
        private final OpenMetadataEntityReference.Reader references = new OpenMetadataEntityReference.Reader();

        @Override
        public OpenMetadataTable deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Fields read = new Fields();
            JsonFields.readObject(parser, context, OpenMetadataTable.class, field -> {
                switch (field) {
                    case "id" -> read.id = uuidOrNull.deserialize(parser, context);
                    case "name" -> read.name = JsonFields.text(parser, context);
                    case "fullyQualifiedName" -> read.fullyQualifiedName = JsonFields.text(parser, context);
                    case "tableType" -> read.tableType = JsonFields.text(parser, context);
                    case "deleted" -> read.deleted = JsonFields.bool(parser, context);
                    case "serviceType" -> read.serviceType = JsonFields.text(parser, context);
                    case "service" -> read.service = reference(parser, context);
                    case "database" -> read.database = reference(parser, context);
                    case "databaseSchema" -> read.databaseSchema = reference(parser, context);
                    default -> parser.skipChildren();
                }
            });
            return new OpenMetadataTable(read.id, read.name, read.fullyQualifiedName, read.tableType, read.deleted,
                    read.serviceType, read.service, read.database, read.databaseSchema);
        }

        /** The fields read so far. */
        private static final class Fields {
            UUID id;
            String name;
            String fullyQualifiedName;
            String tableType;
            Boolean deleted;
            String serviceType;
            OpenMetadataEntityReference service;
            OpenMetadataEntityReference database;
            OpenMetadataEntityReference databaseSchema;
        }

        private OpenMetadataEntityReference reference(JsonParser parser, DeserializationContext context)
                throws IOException {
            return parser.currentToken() == JsonToken.VALUE_NULL ? null : references.deserialize(parser, context);
        }
    }
}
