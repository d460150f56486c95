package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorControl;
import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorJson;
import java.util.Map;

/**
 * The simulator's side of the shared control surface ({@link SimulatorControl}): its statistics' body (by endpoint
 * and status, objects served) and its answers in OpenMetadata's error shape.
 */
final class ControlEndpoint implements SimulatorControl.Surface<Answer> {

    private final OpenMetadataSimulator simulator;

    ControlEndpoint(OpenMetadataSimulator simulator) {
        this.simulator = simulator;
    }

    Answer serve(String method, String path, byte[] body) {
        return SimulatorControl.serve(this, method, path, body);
    }

    @Override
    public SimulatorFaults faults() {
        return simulator.faults();
    }

    @Override
    public void resetStats() {
        simulator.resetStats();
    }

    @Override
    public Answer json(SimulatorJson.Writer body) {
        return Answer.json(200, body);
    }

    @Override
    public Answer error(int status, String message) {
        return Answer.error(status, message);
    }

    @Override
    public String notFound() {
        return "HTTP 404 Not Found";
    }

    @Override
    public Answer stats() {
        OpenMetadataStats.Snapshot stats = simulator.stats();
        return Answer.json(200, json -> {
            json.writeStartObject();
            json.writeNumberField("total", stats.total());
            json.writeObjectFieldStart("by_endpoint_and_status");
            for (Map.Entry<String, Map<Integer, Long>> endpoint : stats.responses().entrySet()) {
                SimulatorControl.writeCounts(json, endpoint.getKey(), endpoint.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("objects_served", stats.objectsServed());
            json.writeEndObject();
        });
    }
}
