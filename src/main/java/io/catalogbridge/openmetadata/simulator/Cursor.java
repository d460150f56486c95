package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A paging cursor: the (name, id) of the row a page ended (after) or began (before) at, as OpenMetadata's keyset
 * paging holds it, written as URL-safe Base64 of {@code {"name": ..., "id": ...}}. Opaque to clients.
 */
record Cursor(String name, UUID id) {

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (JsonGenerator json = SimulatorJson.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("id", id.toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return Base64.getUrlEncoder().encodeToString(bytes.toByteArray());
    }

    /** The cursor, or an IllegalArgumentException naming what is wrong with it. */
    static Cursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Invalid cursor: not Base64");
        }
        String name = null;
        String id = null;
        try (JsonParser parser = SimulatorJson.FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Invalid cursor");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                } else if (field.equals("name")) {
                    name = parser.getText();
                } else if (field.equals("id")) {
                    id = parser.getText();
                }
            }
        } catch (IOException notJson) {
            throw new IllegalArgumentException("Invalid cursor: " + new String(bytes, StandardCharsets.UTF_8));
        }
        if (name == null || id == null) {
            throw new IllegalArgumentException("Invalid cursor: name and id are required");
        }
        try {
            return new Cursor(name, UUID.fromString(id));
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalArgumentException("Invalid cursor: id " + id + " is not a UUID");
        }
    }

    /** Keyset order: by name (binary), then by id as OpenMetadata's database compares its text. */
    static int compare(String name1, UUID id1, String name2, UUID id2) {
        int byName = name1.compareTo(name2);
        return byName != 0 ? byName : compareIds(id1, id2);
    }

    /** The order of two UUIDs' canonical (lower-case) text, without building it. */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
