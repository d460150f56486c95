package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.catalogbridge.client.JsonFields;
import java.io.IOException;
import java.util.UUID;

/**
 * A reference from one entity to another ({@code entityReference.json}): a table's {@code service}, {@code database}
 * and {@code databaseSchema}. {@code name} is the referenced entity's own name, unquoted, which is what a mapping
 * shows; {@code fullyQualifiedName} is its FQN, quoted parts included, which is what a listing filter takes.
 */
@JsonDeserialize(using = OpenMetadataEntityReference.Reader.class)
public record OpenMetadataEntityReference(
        @JsonProperty("id") UUID id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("fullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("deleted") Boolean deleted) {

    /**
     * Reads a reference field by field (three in every table of a listing), as {@link OpenMetadataTable.Reader} reads
     * its table; the id is {@link UuidOrNull}, other fields are passed over.
     */
    static final class Reader extends JsonDeserializer<OpenMetadataEntityReference> {

        private final UuidOrNull uuidOrNull = new UuidOrNull();

        @Override
        public OpenMetadataEntityReference deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            Fields read = new Fields();
            JsonFields.readObject(parser, context, OpenMetadataEntityReference.class, field -> {
                switch (field) {
                    case "id" -> read.id = uuidOrNull.deserialize(parser, context);
                    case "type" -> read.type = JsonFields.text(parser, context);
                    case "name" -> read.name = JsonFields.text(parser, context);
                    case "fullyQualifiedName" -> read.fullyQualifiedName = JsonFields.text(parser, context);
                    case "displayName" -> read.displayName = JsonFields.text(parser, context);
                    case "deleted" -> read.deleted = JsonFields.bool(parser, context);
                    default -> parser.skipChildren();
                }
            });
            return new OpenMetadataEntityReference(read.id, read.type, read.name, read.fullyQualifiedName,
                    read.displayName, read.deleted);
        }

        /** The fields read so far. */
        private static final class Fields {
            UUID id;
            String type;
            String name;
            String fullyQualifiedName;
            String displayName;
            Boolean deleted;
        }
    }
}
