package io.catalogbridge.alation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * Reads any JSON scalar as text. The API refuses numbers where it wants strings; Alation, though, sends some fields
 * either way (a data source's {@code port} is a number in v1 and text elsewhere), and the bridge takes it as sent.
 */
public final class AnyScalarAsText extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != null && parser.currentToken().isScalarValue()) {
            return parser.getValueAsString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
