package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.matching.CatalogTable;
import java.util.UUID;

/**
 * A table (or view) as {@code GET /v1/tables} lists it and {@code GET /v1/tables/{id}} answers it; only the fields
 * the bridge uses. Its service, database and schema names come from its references, never from splitting its FQN.
 * {@code columns}, {@code owner}/{@code owners}, {@code domain}/{@code domains} (1.4 against later servers) and every
 * other field are ignored. It is the matcher's neutral table as parsed ({@link CatalogTable}, ids as UUIDs, its
 * service as its data source), so a listing's tables go through the matcher with no copy per table.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataTable(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
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
}
