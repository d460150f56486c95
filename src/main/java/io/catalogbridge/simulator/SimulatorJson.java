package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The simulators' JSON: one streaming factory, small documents as bytes, listings streamed, request bodies read. */
public final class SimulatorJson {

    public static final JsonFactory FACTORY = JsonFactory.builder().build();
    public static final String APPLICATION_JSON = "application/json";

    /** Writes a JSON document. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /** Reads one field of a request body: {@code value} stands on the field's value token. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String name, JsonToken token, JsonParser value) throws IOException;
    }

    private SimulatorJson() {
    }

    /** A small document in memory; {@code initialSize} is the buffer's first capacity. */
    public static byte[] bytes(int initialSize, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(initialSize);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    /** Streams a document to {@code out}, closing the generator (and with it a chunked body) at the end. */
    public static void stream(OutputStream out, Writer body) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        }
    }

    /** Reads the top-level fields of a small JSON object, one at a time, with the streaming parser. */
    public static void readFields(byte[] body, FieldReader reader) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
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
