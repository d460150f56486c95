package io.catalogbridge.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The JSON object a streaming read of a page has just passed, read again alone from the page's bytes: what a wing's
 * page reader looks at only for an object it cannot use (for its id), so that the usable ones are bound once,
 * straight from the stream, and never built as a tree.
 */
public final class JsonElements {

    private JsonElements() {
    }

    /**
     * The object that began at {@code tokenOffset} (the parser's offset of its {@code '{'} token, which may point just
     * past it for byte input) and ends where the parser is now (just past its {@code '}'}), or null when those bytes
     * are no object.
     */
    public static JsonNode objectAt(byte[] body, long tokenOffset, JsonParser parser, ObjectMapper mapper) {
        long end = parser.currentLocation().getByteOffset();
        long start = Math.min(tokenOffset, body.length - 1);
        while (start > 0 && start > tokenOffset - 2 && body[(int) start] != '{') {
            start--;
        }
        if (start < 0 || end <= start || end > body.length || body[(int) start] != '{') {
            return null;
        }
        try {
            return mapper.readTree(body, (int) start, (int) (end - start));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * After an element of {@code array} failed to bind: rethrows what is a syntax error underneath (the page is not
     * JSON), else moves the parser to the element's end, so that the array goes on after it.
     */
    public static void passOver(JsonParser parser, JsonStreamContext array, DatabindException failure)
            throws IOException {
        if (failure.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof DatabindException)) {
            throw syntax;
        }
        while (parser.getParsingContext() != array) {
            if (parser.nextToken() == null) {
                throw new JsonEOFException(parser, null, "an object is not closed");
            }
        }
    }
}
