package io.catalogbridge.alation.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of the simulator, decided before anything is sent (so it can be counted first). Small answers are held
 * as bytes and sent with a Content-Length; listings are written straight to the connection as they are generated.
 */
record Reply(int status, String contentType, Map<String, String> headers, long objects, byte[] bytes, Json stream) {

    static final JsonFactory JSON = JsonFactory.builder().build();
    static final String APPLICATION_JSON = "application/json";

    /** Writes a JSON document. */
    @FunctionalInterface
    interface Json {
        void write(JsonGenerator json) throws IOException;
    }

    /** A small JSON answer. */
    static Reply json(int status, Json body) {
        return json(status, Map.of(), body);
    }

    static Reply json(int status, Map<String, String> headers, Json body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return new Reply(status, APPLICATION_JSON, headers, 0, bytes.toByteArray(), null);
    }

    /** A page of {@code objects} objects, streamed; {@code headers} carries X-Next-Page when more follow. */
    static Reply listing(Map<String, String> headers, long objects, Json body) {
        return new Reply(200, APPLICATION_JSON, headers, objects, null, body);
    }

    /** Alation's error body: {@code {"detail": "...", "code": "<status and three digits>"}}. */
    static Reply error(int status, String detail) {
        return error(status, detail, status + "000", Map.of());
    }

    static Reply error(int status, String detail, String code, Map<String, String> headers) {
        return json(status, headers, json -> {
            json.writeStartObject();
            json.writeStringField("detail", detail);
            json.writeStringField("code", code);
            json.writeEndObject();
        });
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html", Map.of(), 0, html.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Streams the listing to {@code out}, closing the generator (and with it the chunked body) at the end. */
    void writeStream(OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            stream.write(json);
        }
    }
}
