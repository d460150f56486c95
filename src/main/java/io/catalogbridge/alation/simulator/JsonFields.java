package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads the top-level fields of a small JSON object request body, one at a time, with the streaming parser. */
final class JsonFields {

    /** Reads one field: {@code value} stands on the field's value token. */
    @FunctionalInterface
    interface FieldReader {
        void read(String name, JsonToken token, JsonParser value) throws IOException;
    }

    private JsonFields() {
    }

    static void read(byte[] body, FieldReader reader) throws IOException {
        try (JsonParser parser = Reply.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a JSON object is expected");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                reader.read(name, parser.nextToken(), parser);
            }
        }
    }
}
