package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of the simulator, decided before anything is sent (so it is counted first). Small answers are bytes sent
 * with a Content-Length; listings are written to the connection as they are generated.
 */
record Answer(int status, String contentType, Map<String, String> headers, long objects, byte[] bytes, Body stream) {

    static final String APPLICATION_JSON = "application/json";

    /** Writes a JSON document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static Answer json(int status, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Cursor.JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return new Answer(status, APPLICATION_JSON, Map.of(), 0, bytes.toByteArray(), null);
    }

    static Answer listing(long objects, Body body) {
        return new Answer(200, APPLICATION_JSON, Map.of(), objects, null, body);
    }

    /** OpenMetadata's error body: {@code {"code": 401, "message": "..."}}. */
    static Answer error(int status, String message) {
        return json(status, json -> {
            json.writeStartObject();
            json.writeNumberField("code", status);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    /** What a proxy in front of the server answers: a small HTML page. */
    static Answer proxyPage(int status, String reason, Map<String, String> headers) {
        String html = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new Answer(status, "text/html", headers, 0, html.getBytes(StandardCharsets.UTF_8), null);
    }

    void writeStream(OutputStream out) throws IOException {
        try (JsonGenerator json = Cursor.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            stream.write(json);
        }
    }
}
