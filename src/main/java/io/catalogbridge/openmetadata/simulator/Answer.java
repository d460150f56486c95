package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import io.catalogbridge.simulator.SimulatorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer of the simulator, decided before anything is sent (so it is counted first). Small answers are bytes sent
 * with a Content-Length; listings are written to the connection as they are generated.
 */
record Answer(int status, String contentType, Map<String, String> headers, long objects, byte[] bytes,
              SimulatorJson.Writer stream) implements SimulatorServer.Response {

    static Answer json(int status, SimulatorJson.Writer body) {
        return new Answer(status, SimulatorJson.APPLICATION_JSON, Map.of(), 0, SimulatorJson.bytes(512, body), null);
    }

    static Answer listing(long objects, SimulatorJson.Writer body) {
        return new Answer(200, SimulatorJson.APPLICATION_JSON, Map.of(), objects, null, body);
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

    @Override
    public void writeStream(OutputStream out) throws IOException {
        SimulatorJson.stream(out, stream);
    }
}
