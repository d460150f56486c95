package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A simulator's own control surface under {@code /simulator/}, for benchmarks in another process: statistics
 * ({@code GET /simulator/stats}, {@code POST /simulator/reset-stats}) and faults ({@code GET} and {@code POST
 * /simulator/faults}, the latter with any of the fields {@code GET} shows). Not counted, not delayed, no token. The
 * simulator gives the statistics' body and the shape of its answers; {@code R} is its answer type.
 */
public final class SimulatorControl<R> {

    public static final String PREFIX = "/simulator/";
    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "throttle_every", "retry_after",
            "burst_every", "burst_length", "expire_token_after");

    private final SimulatorFaults faults;
    private final SimulatorJson.Writer stats;
    private final Runnable resetStats;
    private final BiFunction<Integer, SimulatorJson.Writer, R> json;
    private final BiFunction<Integer, String, R> error;
    private final String notFound;

    /**
     * @param stats      writes the current statistics
     * @param json       a JSON answer of a status
     * @param error      an error answer in the simulator's own shape
     * @param notFound   what its 404 says
     */
    public SimulatorControl(SimulatorFaults faults, SimulatorJson.Writer stats, Runnable resetStats,
                            BiFunction<Integer, SimulatorJson.Writer, R> json, BiFunction<Integer, String, R> error,
                            String notFound) {
        this.faults = faults;
        this.stats = stats;
        this.resetStats = resetStats;
        this.json = json;
        this.error = error;
        this.notFound = notFound;
    }

    /** Answers a call whose path starts with {@link #PREFIX}. */
    public R serve(String method, String path, byte[] body) {
        return switch (method + " " + path) {
            case "GET /simulator/stats" -> json.apply(200, stats);
            case "POST /simulator/reset-stats" -> {
                resetStats.run();
                yield json.apply(200, stats);
            }
            case "GET /simulator/faults" -> faults(faults.current());
            case "POST /simulator/faults" -> changeFaults(body);
            default -> error.apply(404, notFound);
        };
    }

    /**
     * Writes the statistics' object: {@code total}; with {@code summaries}, {@code by_status} and {@code by_endpoint};
     * {@code by_endpoint_and_status}; {@code objects_served}; then the simulator's own counters ({@code extra}).
     */
    public static void writeStats(JsonGenerator json, EndpointStats.Snapshot stats, boolean summaries,
                                  Map<String, Long> extra) throws IOException {
        json.writeStartObject();
        json.writeNumberField("total", stats.total());
        if (summaries) {
            writeCounts(json, "by_status", stats.byStatus());
            json.writeObjectFieldStart("by_endpoint");
            for (Map.Entry<String, Long> entry : stats.byEndpoint().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("by_endpoint_and_status");
        for (Map.Entry<String, Map<Integer, Long>> entry : stats.responses().entrySet()) {
            writeCounts(json, entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("objects_served", stats.objectsServed());
        for (Map.Entry<String, Long> entry : extra.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String field, Map<Integer, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            json.writeNumberField(String.valueOf(entry.getKey()), entry.getValue());
        }
        json.writeEndObject();
    }

    private R faults(SimulatorFaults.Settings faults) {
        return json.apply(200, json -> {
            json.writeStartObject();
            json.writeNumberField("latency_ms", faults.latency().toMillis());
            json.writeNumberField("throttle_every", faults.throttleEvery());
            json.writeNumberField("retry_after", faults.retryAfterSeconds());
            json.writeNumberField("burst_every", faults.burstEvery());
            json.writeNumberField("burst_length", faults.burstLength());
            json.writeNumberField("expire_token_after", faults.expireTokenAfter());
            json.writeEndObject();
        });
    }

    /** Applies the fields given, keeping the others; refuses the whole change if any field is bad. */
    private R changeFaults(byte[] body) {
        SimulatorFaults.Settings now = faults.current();
        try {
            Map<String, Long> given = numbers(body);
            SimulatorFaults.Settings changed = new SimulatorFaults.Settings(
                    Duration.ofMillis(given.getOrDefault("latency_ms", now.latency().toMillis())),
                    Math.toIntExact(given.getOrDefault("throttle_every", (long) now.throttleEvery())),
                    Math.toIntExact(given.getOrDefault("retry_after", (long) now.retryAfterSeconds())),
                    Math.toIntExact(given.getOrDefault("burst_every", (long) now.burstEvery())),
                    Math.toIntExact(given.getOrDefault("burst_length", (long) now.burstLength())),
                    Math.toIntExact(given.getOrDefault("expire_token_after", (long) now.expireTokenAfter())));
            faults.set(changed);
            return faults(changed);
        } catch (IOException | IllegalArgumentException | ArithmeticException bad) {
            return error.apply(400, "Invalid faults: " + bad.getMessage());
        }
    }

    private static Map<String, Long> numbers(byte[] body) throws IOException {
        Map<String, Long> numbers = new HashMap<>();
        SimulatorJson.readFields(body, (name, token, value) -> {
            if (!FAULT_FIELDS.contains(name)) {
                throw new IOException("unknown field \"" + name + "\"; known: " + FAULT_FIELDS);
            }
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new IOException("\"" + name + "\" must be a whole number");
            }
            numbers.put(name, value.getLongValue());
        });
        return numbers;
    }
}
