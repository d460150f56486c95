package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A simulator's own control surface under {@code /simulator/}, for benchmarks in another process: statistics
 * ({@code GET /simulator/stats}, {@code POST /simulator/reset-stats}) and faults ({@code GET} and {@code POST
 * /simulator/faults}, the latter with any of the fields {@code GET} shows). Not counted, not delayed, no token. The
 * simulator gives the statistics' body and the shape of its answers ({@link Surface}).
 */
public final class SimulatorControl {

    public static final String PREFIX = "/simulator/";
    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "throttle_every", "retry_after",
            "burst_every", "burst_length", "expire_token_after");

    /** What a simulator lends its control surface; {@code R} is its answer type. */
    public interface Surface<R> {
        SimulatorFaults faults();

        /** The current statistics, as the answer to a stats call. */
        R stats();

        void resetStats();

        /** A 200 answer with this JSON body. */
        R json(SimulatorJson.Writer body);

        /** An error answer in the simulator's own error shape. */
        R error(int status, String message);

        /** What its 404 says. */
        String notFound();
    }

    private SimulatorControl() {
    }

    /** Answers a call whose path starts with {@link #PREFIX}. */
    public static <R> R serve(Surface<R> surface, String method, String path, byte[] body) {
        return switch (method + " " + path) {
            case "GET /simulator/stats" -> surface.stats();
            case "POST /simulator/reset-stats" -> {
                surface.resetStats();
                yield surface.stats();
            }
            case "GET /simulator/faults" -> faults(surface, surface.faults().current());
            case "POST /simulator/faults" -> changeFaults(surface, body);
            default -> surface.error(404, surface.notFound());
        };
    }

    /** Writes {@code counts} as an object field of status to count. */
    public static void writeCounts(JsonGenerator json, String field, Map<Integer, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            json.writeNumberField(String.valueOf(entry.getKey()), entry.getValue());
        }
        json.writeEndObject();
    }

    private static <R> R faults(Surface<R> surface, SimulatorFaults.Settings faults) {
        return surface.json(json -> {
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
    private static <R> R changeFaults(Surface<R> surface, byte[] body) {
        SimulatorFaults.Settings now = surface.faults().current();
        try {
            Map<String, Long> given = numbers(body);
            SimulatorFaults.Settings changed = new SimulatorFaults.Settings(
                    Duration.ofMillis(given.getOrDefault("latency_ms", now.latency().toMillis())),
                    Math.toIntExact(given.getOrDefault("throttle_every", (long) now.throttleEvery())),
                    Math.toIntExact(given.getOrDefault("retry_after", (long) now.retryAfterSeconds())),
                    Math.toIntExact(given.getOrDefault("burst_every", (long) now.burstEvery())),
                    Math.toIntExact(given.getOrDefault("burst_length", (long) now.burstLength())),
                    Math.toIntExact(given.getOrDefault("expire_token_after", (long) now.expireTokenAfter())));
            surface.faults().set(changed);
            return faults(surface, changed);
        } catch (IOException | IllegalArgumentException | ArithmeticException bad) {
            return surface.error(400, "Invalid faults: " + bad.getMessage());
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
