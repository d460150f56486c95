package io.catalogbridge.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * What a wing's field-by-field reader of a catalog object (a listing's table, read a million times in a full plan)
 * shares: a value of the expected JSON type is taken as it comes, any other goes to Jackson's own deserializer of the
 * field's type, so that coercions and failures stay Jackson's; a failure names its field as Jackson's binding of a
 * record names it ({@link CatalogAnswers#where}). Each reads the value the parser is at (the token after the field's
 * name).
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Reads one field's value, the parser at its first token; a field it does not want it passes over. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String field) throws IOException;
    }

    /**
     * Reads the object the parser is at, field by field, each by {@code reader}: fails as Jackson's binding does when
     * the parser is at no object, and a value's failure names its field in front of its path.
     */
    public static void readObject(JsonParser parser, DeserializationContext context, Class<?> type,
            FieldReader reader) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            context.handleUnexpectedToken(type, parser);
        }
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            parser.nextToken();
            try {
                reader.read(field);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, type, field);
            }
        }
    }

    public static String text(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return token == JsonToken.VALUE_NULL ? null : jackson(String.class, parser, context);
    }

    public static Long integer(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return token == JsonToken.VALUE_NULL ? null : jackson(Long.class, parser, context);
    }

    public static Boolean bool(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return token == JsonToken.VALUE_NULL ? null : jackson(Boolean.class, parser, context);
    }

    private static <T> T jackson(Class<T> type, JsonParser parser, DeserializationContext context)
            throws IOException {
        return type.cast(context.findRootValueDeserializer(context.constructType(type)).deserialize(parser, context));
    }
}
