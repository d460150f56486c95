package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.catalogbridge.simulator.SimulatorJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data-quality request body, read as OpenMetadata's Dropwizard server reads it: JSON that does not bind to the
 * request class (not an object, an unknown field, a value of the wrong kind, a value outside an enum) is a 400
 * {@code Unable to process JSON}; a missing required field is a 400 {@code [name must not be null]}.
 */
final class QualityRequest {

    static final String UNPROCESSABLE = "Unable to process JSON";

    private final Map<String, Object> fields;

    private QualityRequest(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The body as an object whose fields are all among {@code known}. */
    static QualityRequest parse(byte[] body, Set<String> known) {
        Object value;
        try (JsonParser parser = SimulatorJson.FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            value = first == null ? null : read(parser);
            if (parser.nextToken() != null) {
                throw new Query.BadRequest(UNPROCESSABLE);
            }
        } catch (IOException notJson) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        if (!known.containsAll(fields.keySet())) {
            throw new Query.BadRequest(UNPROCESSABLE); // the generated classes bind no unknown property
        }
        return new QualityRequest(fields);
    }

    /** A JSON value as maps, lists, strings, numbers, booleans and nulls; the parser stands on its first token. */
    private static Object read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + parser.currentToken());
        }
    }

    /** Whether the field is given, and not null. */
    boolean has(String field) {
        return fields.get(field) != null;
    }

    /** A string field, or null when absent or null. */
    String text(String field) {
        return text(fields.get(field));
    }

    /** A string field that must be given: {@code [field must not be null]} otherwise. */
    String required(String field) {
        String value = text(field);
        if (value == null) {
            throw new Query.BadRequest("[" + field + " must not be null]");
        }
        return value;
    }

    /** A string field that must be one of {@code values} (an enum), or null. */
    String oneOf(String field, List<String> values) {
        String value = text(field);
        if (value != null && !values.contains(value)) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        return value;
    }

    /** A name field ({@code testCaseEntityName}): given, not empty, without {@code ::}. */
    String name(String field) {
        String value = required(field);
        if (value.isEmpty()) {
            throw new Query.BadRequest("[" + field + " size must be between 1 and 2147483647]");
        }
        if (value.contains("::")) {
            throw new Query.BadRequest("[" + field + " must match \"^((?!::).)*$\"]");
        }
        return value;
    }

    Long number(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long number)) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        return number;
    }

    boolean flag(String field) {
        Object value = fields.get(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        return Boolean.TRUE.equals(value);
    }

    /** An array of strings, each one of {@code values} unless that is null; empty when absent. */
    List<String> texts(String field, List<String> values) {
        List<String> texts = new ArrayList<>();
        for (Object item : array(field)) {
            String text = text(item);
            if (text == null || values != null && !values.contains(text)) {
                throw new Query.BadRequest(UNPROCESSABLE);
            }
            texts.add(text);
        }
        return texts;
    }

    /** An array of objects, each read as a request of the fields {@code known}; empty when absent. */
    List<QualityRequest> objects(String field, Set<String> known) {
        List<QualityRequest> objects = new ArrayList<>();
        for (Object item : array(field)) {
            if (!(item instanceof Map<?, ?> map) || !known.containsAll(map.keySet())) {
                throw new Query.BadRequest(UNPROCESSABLE);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            objects.add(new QualityRequest(object));
        }
        return objects;
    }

    private List<?> array(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        return list;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map || value instanceof List) {
            throw new Query.BadRequest(UNPROCESSABLE);
        }
        return value.toString(); // Jackson coerces a scalar to a String field
    }
}
