package io.catalogbridge.alation.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator has answered since start or the last reset: responses by endpoint and status, objects listed,
 * tokens minted. A response is counted before its body is sent, so a client that has read an answer sees it counted.
 */
public final class SimulatorStats {

    private final Map<SimulatorEndpoint, Map<Integer, LongAdder>> responses = new ConcurrentHashMap<>();
    private final LongAdder objectsServed = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();

    void record(SimulatorEndpoint endpoint, int status, long objects) {
        responses.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        objectsServed.add(objects);
    }

    void tokenIssued() {
        tokensIssued.increment();
    }

    void reset() {
        responses.clear();
        objectsServed.reset();
        tokensIssued.reset();
    }

    public Snapshot snapshot() {
        Map<SimulatorEndpoint, Map<Integer, Long>> copy = new EnumMap<>(SimulatorEndpoint.class);
        responses.forEach((endpoint, byStatus) -> {
            Map<Integer, Long> counts = new TreeMap<>();
            byStatus.forEach((status, count) -> counts.put(status, count.sum()));
            copy.put(endpoint, counts);
        });
        return new Snapshot(copy, objectsServed.sum(), tokensIssued.sum());
    }

    /** The counters at one moment. {@code objectsServed} counts the data sources, schemas and tables listed. */
    public record Snapshot(Map<SimulatorEndpoint, Map<Integer, Long>> responses, long objectsServed,
                           long tokensIssued) {

        public long total() {
            return responses.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }

        public Map<SimulatorEndpoint, Long> byEndpoint() {
            Map<SimulatorEndpoint, Long> counts = new EnumMap<>(SimulatorEndpoint.class);
            responses.forEach((endpoint, byStatus) ->
                    counts.put(endpoint, byStatus.values().stream().mapToLong(Long::longValue).sum()));
            return counts;
        }

        public Map<Integer, Long> byStatus() {
            Map<Integer, Long> counts = new TreeMap<>();
            responses.values().forEach(byStatus -> byStatus.forEach((status, count) -> counts.merge(status, count,
                    Long::sum)));
            return counts;
        }

        public long count(SimulatorEndpoint endpoint, int status) {
            return responses.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
        }
    }
}
