package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import io.catalogbridge.simulator.SimulatorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of the simulator, decided before anything is sent (so it can be counted first). Small answers are held
 * as bytes and sent with a Content-Length; listings are written straight to the connection as they are generated.
 */
record Reply(int status, String contentType, Map<String, String> headers, long objects, byte[] bytes,
             SimulatorJson.Writer stream) implements SimulatorServer.Response {

    /** A small JSON answer. */
    static Reply json(int status, SimulatorJson.Writer body) {
        return json(status, Map.of(), body);
    }

    static Reply json(int status, Map<String, String> headers, SimulatorJson.Writer body) {
        return new Reply(status, SimulatorJson.APPLICATION_JSON, headers, 0, SimulatorJson.bytes(256, body), null);
    }

    /** A page of {@code objects} objects, streamed; {@code headers} carries X-Next-Page when more follow. */
    static Reply listing(Map<String, String> headers, long objects, SimulatorJson.Writer body) {
        return new Reply(200, SimulatorJson.APPLICATION_JSON, headers, objects, null, body);
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
    @Override
    public void writeStream(OutputStream out) throws IOException {
        SimulatorJson.stream(out, stream);
    }
}
