package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * A schema as {@code GET /v1/databaseSchemas?database=<fqn>} lists it; only the fields the bridge uses. Its
 * {@code fullyQualifiedName} is what the listing of its tables is filtered by ({@code databaseSchema=<fqn>}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataDatabaseSchema(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("service") OpenMetadataEntityReference service,
        @JsonProperty("database") OpenMetadataEntityReference database) implements OpenMetadataObject {

    /** A schema is usable with its id, its name and the FQN its tables are listed by. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : fullyQualifiedName == null ? "fullyQualifiedName" : null;
    }
}
