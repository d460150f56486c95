package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * Reads a field the bridge keeps but does not need (a table's {@code table_type}, its {@code key}) without ever
 * failing its object: a scalar as text, a structure as null. A wrong type there is no reason to pass a table over.
 */
public final class TextOrNull extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != null && parser.currentToken().isScalarValue()) {
            return parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }
}
