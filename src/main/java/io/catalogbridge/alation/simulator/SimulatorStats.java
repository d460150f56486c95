package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.EndpointStats;
import io.catalogbridge.simulator.SimulatorControl;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator has answered since start or the last reset: responses by endpoint and status, objects listed
 * ({@link EndpointStats}, by the endpoints' stats names, listed in the endpoints' order), and tokens minted.
 */
public final class SimulatorStats {

    private static final Map<String, SimulatorEndpoint> BY_NAME = new HashMap<>();

    static {
        for (SimulatorEndpoint endpoint : SimulatorEndpoint.values()) {
            BY_NAME.put(endpoint.statsName(), endpoint);
        }
    }

    private final EndpointStats responses =
            new EndpointStats(Comparator.comparingInt(name -> BY_NAME.get(name).ordinal()));
    private final LongAdder tokensIssued = new LongAdder();

    void record(SimulatorEndpoint endpoint, int status, long objects) {
        responses.record(endpoint.statsName(), status, objects);
    }

    void tokenIssued() {
        tokensIssued.increment();
    }

    void reset() {
        responses.reset();
        tokensIssued.reset();
    }

    public Snapshot snapshot() {
        return new Snapshot(responses.snapshot(), tokensIssued.sum());
    }

    /** Writes the {@code /simulator/stats} body: totals by status and endpoint, responses, objects, tokens. */
    void write(JsonGenerator json) throws IOException {
        Snapshot stats = snapshot();
        SimulatorControl.writeStats(json, stats.responses(), true, Map.of("tokens_issued", stats.tokensIssued()));
    }

    /** The counters at one moment. {@code objectsServed} counts the data sources, schemas and tables listed. */
    public record Snapshot(EndpointStats.Snapshot responses, long tokensIssued) {

        public long total() {
            return responses.total();
        }

        public long objectsServed() {
            return responses.objectsServed();
        }

        public Map<SimulatorEndpoint, Long> byEndpoint() {
            Map<SimulatorEndpoint, Long> counts = new EnumMap<>(SimulatorEndpoint.class);
            responses.byEndpoint().forEach((name, count) -> counts.put(BY_NAME.get(name), count));
            return counts;
        }

        public Map<Integer, Long> byStatus() {
            return responses.byStatus();
        }

        public long count(SimulatorEndpoint endpoint, int status) {
            return responses.count(endpoint.statsName(), status);
        }
    }
}
