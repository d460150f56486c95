package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.client.CatalogAnswers;
import io.catalogbridge.client.JsonElements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Reads one page of a listing object by object, as the Alation wing reads its pages: an object of the page that
 * cannot be used (a {@code null}, a field of the wrong type, no id or name) is passed over and said why, the rest of
 * the page is kept; only an answer that is no list page at all fails, naming the endpoint. What fails is said in
 * words a user can act on, never in Jackson's own (which names Java classes).
 */
public final class OpenMetadataPages {

    /** An object passed over: which kind, its id as sent (null when it had none), and why. */
    public record Skipped(String object, String id, String reason) {
    }

    /** The usable objects of a page, those passed over, and the cursor of the next page (null on the last). */
    public record Page<T>(List<T> objects, List<Skipped> skipped, String after, Long total) {
    }

    private OpenMetadataPages() {
    }

    /**
     * One page's objects of {@code type}, {@code object} naming their kind in what is skipped ({@code "table"}).
     * Throws a 502 problem, {@code OpenMetadata's answer to GET <endpoint> could not be read: ...}, when the body is
     * not JSON or has no {@code data} list. The page is streamed: each object of {@code data} is bound straight from
     * the parser by its type's own deserializer (a page of tables is about a megabyte, columns and all, and is never
     * built as a tree); only an object that cannot be used is read again alone, to say which it was.
     */
    public static <T extends OpenMetadataObject> Page<T> read(byte[] body, Class<T> type, String object,
            String endpoint, ObjectMapper mapper) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(endpoint, "not a JSON object");
            }
            List<T> objects = null;
            List<Skipped> skipped = new ArrayList<>();
            JsonNode paging = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY && objects == null) {
                    objects = readData(parser, body, type, object, mapper, skipped);
                } else if (field.equals("paging")) {
                    paging = mapper.readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw unreadable(endpoint, "truncated or malformed JSON");
            }
            if (objects == null) {
                throw unreadable(endpoint, "no data list");
            }
            JsonNode total = paging == null ? null : paging.path("total");
            return new Page<>(objects, skipped, afterOf(paging),
                    total != null && total.canConvertToLong() ? total.asLong() : null);
        } catch (JsonProcessingException e) {
            throw unreadable(endpoint, CatalogAnswers.malformed(e));
        } catch (IOException e) {
            throw unreadable(endpoint, "truncated or malformed JSON");
        }
    }

    /** How far from a page's end its {@code paging} may begin: the cursors are a few hundred bytes. */
    private static final int PAGING_TAIL = 4096;
    private static final byte[] PAGING_KEY = "\"paging\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The {@code paging.after} cursor of a page read from its last bytes, before the page is parsed: OpenMetadata
     * writes a list as {@code {"data": [...], "paging": {...}}}, so the cursor is known as soon as the answer is in,
     * and the next page can be asked for while this one is parsed. Found only where {@code "paging"} is the top-level
     * object's last member: its key not inside a string (its quote not escaped), after a comma or the opening brace,
     * and its object closed by the last brace but one. Null otherwise, or without a cursor. A guess for reading
     * ahead: the parse ({@link #read}) says which page comes next.
     */
    public static String trailingCursor(byte[] body, ObjectMapper mapper) {
        int end = body.length - 1;
        while (end >= 0 && isSpace(body[end])) {
            end--;
        }
        if (end < 0 || body[end] != '}') {
            return null;
        }
        for (int key = end - PAGING_KEY.length; key >= Math.max(0, end - PAGING_TAIL); key--) {
            if (!startsWith(body, key, PAGING_KEY) || isEscaped(body, key)) {
                continue;
            }
            int before = key - 1;
            while (before >= 0 && isSpace(body[before])) {
                before--;
            }
            int value = key + PAGING_KEY.length;
            while (value < end && isSpace(body[value])) {
                value++;
            }
            if (before < 0 || (body[before] != ',' && body[before] != '{') || body[value] != ':') {
                continue;
            }
            return cursorOf(body, value + 1, end, mapper);
        }
        return null;
    }

    /** The cursor of the {@code paging} object that begins after {@code from} and ends just before {@code end}. */
    private static String cursorOf(byte[] body, int from, int end, ObjectMapper mapper) {
        try (JsonParser parser = mapper.getFactory().createParser(body, from, end - from)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode paging = mapper.readTree(parser);
            // nothing but the top-level object's closing brace may follow
            if (parser.nextToken() != null) {
                return null;
            }
            return afterOf(paging);
        } catch (IOException e) {
            return null;
        }
    }

    /** The {@code after} cursor of a {@code paging} object: text, not blank; null otherwise (the last page). */
    private static String afterOf(JsonNode paging) {
        JsonNode after = paging == null ? null : paging.path("after");
        return after != null && after.isTextual() && !after.asText().isBlank() ? after.asText() : null;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the quote at {@code at} is escaped: an odd run of backslashes before it. */
    private static boolean isEscaped(byte[] body, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && body[i] == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The usable objects of the {@code data} array the parser is at, those passed over added to {@code skipped}. */
    private static <T extends OpenMetadataObject> List<T> readData(JsonParser parser, byte[] body, Class<T> type,
            String object, ObjectMapper mapper, List<Skipped> skipped) throws IOException {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), parser, mapper.getInjectableValues());
        JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(mapper.constructType(type));
        JsonStreamContext array = parser.getParsingContext();
        List<T> objects = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonEOFException(parser, null, "the data list is not closed");
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                skipped.add(new Skipped(object, null, "not an object"));
                continue;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            T value;
            try {
                value = type.cast(deserializer.deserialize(parser, context));
            } catch (DatabindException e) {
                // the rest of this object is passed over: the array goes on after it
                JsonElements.passOver(parser, array, e);
                String reason = e instanceof JsonMappingException mapping
                        ? "a wrong type at " + CatalogAnswers.where(mapping) : "unreadable";
                skipped.add(new Skipped(object, idOf(JsonElements.objectAt(body, start, parser, mapper)), reason));
                continue;
            }
            String missing = value.missingField();
            if (missing != null) {
                JsonNode sent = JsonElements.objectAt(body, start, parser, mapper);
                boolean oddId = missing.equals("id") && sent != null && sent.hasNonNull("id");
                skipped.add(new Skipped(object, idOf(sent), oddId ? "id is not a UUID" : "no " + missing));
                continue;
            }
            objects.add(value);
        }
        return objects;
    }

    /** The object's id as sent, as text; null when it has none. */
    private static String idOf(JsonNode sent) {
        return sent != null && sent.path("id").isValueNode() ? sent.path("id").asText() : null;
    }

    private static ProblemException unreadable(String endpoint, String problem) {
        return new ProblemException(HttpStatus.BAD_GATEWAY,
                "OpenMetadata's answer to GET " + endpoint + " could not be read: " + problem);
    }
}
