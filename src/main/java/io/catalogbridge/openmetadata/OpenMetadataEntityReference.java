package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * A reference from one entity to another ({@code entityReference.json}): a table's {@code service}, {@code database}
 * and {@code databaseSchema}. {@code name} is the referenced entity's own name, unquoted, which is what a mapping
 * shows; {@code fullyQualifiedName} is its FQN, quoted parts included, which is what a listing filter takes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataEntityReference(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("deleted") Boolean deleted) {
}
