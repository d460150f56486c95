package io.catalogbridge.simulator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator has answered since start or the last reset: responses by endpoint name and status, and the
 * objects listed. A response is counted before its body is sent, so a client that has read an answer sees it counted.
 */
public final class EndpointStats {

    private final Map<String, Map<Integer, LongAdder>> responses = new ConcurrentHashMap<>();
    private final LongAdder objectsServed = new LongAdder();
    private final Comparator<String> order;

    /** Snapshots list the endpoints in {@code order}. */
    public EndpointStats(Comparator<String> order) {
        this.order = order;
    }

    /** Snapshots list the endpoints by name. */
    public EndpointStats() {
        this(Comparator.naturalOrder());
    }

    public void record(String endpoint, int status, long objects) {
        responses.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        objectsServed.add(objects);
    }

    public void reset() {
        responses.clear();
        objectsServed.reset();
    }

    public Snapshot snapshot() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>(order);
        responses.forEach((endpoint, byStatus) -> {
            Map<Integer, Long> counts = new TreeMap<>();
            byStatus.forEach((status, count) -> counts.put(status, count.sum()));
            copy.put(endpoint, counts);
        });
        return new Snapshot(copy, objectsServed.sum());
    }

    /** The counters at one moment, by endpoint name and status; {@code objectsServed} counts the objects listed. */
    public record Snapshot(Map<String, Map<Integer, Long>> responses, long objectsServed) {

        public long total() {
            return responses.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }

        /** Responses by endpoint, in the snapshot's order. */
        public Map<String, Long> byEndpoint() {
            Map<String, Long> counts = new LinkedHashMap<>();
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

        public long count(String endpoint, int status) {
            return responses.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
        }
    }
}
