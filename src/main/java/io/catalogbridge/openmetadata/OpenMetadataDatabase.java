package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * A database as {@code GET /v1/databases?service=<name>} lists it; only the fields the bridge uses. Its
 * {@code fullyQualifiedName} is what the listing of its schemas is filtered by (quoted parts included, as the server
 * wrote it). MySQL-like services have the one database {@code default}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataDatabase(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("service") OpenMetadataEntityReference service) implements OpenMetadataObject {

    /** A database is usable with its id, its name and the FQN its schemas are listed by. */
    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : fullyQualifiedName == null ? "fullyQualifiedName" : null;
    }
}
