package io.catalogbridge.openmetadata.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator has answered since start or the last reset: responses by endpoint name and status, and the
 * entities listed. A response is counted before its body is sent.
 */
public final class OpenMetadataStats {

    private final Map<String, Map<Integer, LongAdder>> responses = new ConcurrentHashMap<>();
    private final LongAdder objectsServed = new LongAdder();

    void record(String endpoint, int status, long objects) {
        responses.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        objectsServed.add(objects);
    }

    void reset() {
        responses.clear();
        objectsServed.reset();
    }

    public Snapshot snapshot() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>();
        responses.forEach((endpoint, byStatus) -> {
            Map<Integer, Long> counts = new TreeMap<>();
            byStatus.forEach((status, count) -> counts.put(status, count.sum()));
            copy.put(endpoint, counts);
        });
        return new Snapshot(copy, objectsServed.sum());
    }

    /** The counters at one moment, by endpoint name ({@code tables}, {@code table-by-name}, ...) and status. */
    public record Snapshot(Map<String, Map<Integer, Long>> responses, long objectsServed) {

        public long total() {
            return responses.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }

        public long count(String endpoint, int status) {
            return responses.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
        }
    }
}
