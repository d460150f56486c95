package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.UUID;

/**
 * Reads an OpenMetadata id: a UUID in its canonical text form, anything else (a number, a structure, text that is no
 * UUID) as null. One odd object in a page then makes that object unusable ({@link OpenMetadataObject#missingField})
 * instead of failing the whole page, as the Alation wing does with its listings.
 */
public final class UuidOrNull extends JsonDeserializer<UUID> {

    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == null || !parser.currentToken().isScalarValue()) {
            parser.skipChildren();
            return null;
        }
        return OpenMetadataIds.parse(parser.getValueAsString());
    }
}
