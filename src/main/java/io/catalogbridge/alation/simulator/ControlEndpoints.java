package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorControl;
import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorJson;
import java.util.Map;

/**
 * The simulator's side of the shared control surface ({@link SimulatorControl}): its statistics' body (by status,
 * by endpoint, by endpoint and status, objects served, tokens issued) and its answers in Alation's error shape.
 */
final class ControlEndpoints implements SimulatorControl.Surface<Reply> {

    static final String PREFIX = SimulatorControl.PREFIX;

    private final AlationSimulator simulator;

    ControlEndpoints(AlationSimulator simulator) {
        this.simulator = simulator;
    }

    Reply serve(String method, String path, byte[] body) {
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
    public Reply json(SimulatorJson.Writer body) {
        return Reply.json(200, body);
    }

    @Override
    public Reply error(int status, String message) {
        return Reply.error(status, message);
    }

    @Override
    public String notFound() {
        return "Not found.";
    }

    @Override
    public Reply stats() {
        SimulatorStats.Snapshot stats = simulator.stats();
        return Reply.json(200, json -> {
            json.writeStartObject();
            json.writeNumberField("total", stats.total());
            SimulatorControl.writeCounts(json, "by_status", stats.byStatus());
            json.writeObjectFieldStart("by_endpoint");
            for (Map.Entry<SimulatorEndpoint, Long> entry : stats.byEndpoint().entrySet()) {
                json.writeNumberField(entry.getKey().statsName(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("by_endpoint_and_status");
            for (Map.Entry<SimulatorEndpoint, Map<Integer, Long>> entry : stats.responses().entrySet()) {
                SimulatorControl.writeCounts(json, entry.getKey().statsName(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("objects_served", stats.objectsServed());
            json.writeNumberField("tokens_issued", stats.tokensIssued());
            json.writeEndObject();
        });
    }
}
