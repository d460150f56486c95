package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own control surface under {@code /simulator/}, for benchmarks in another process: statistics
 * ({@code GET /simulator/stats}, {@code POST /simulator/reset-stats}) and faults ({@code GET} and {@code POST
 * /simulator/faults}, the latter with any of the fields {@code GET} shows). Not counted, not delayed, no token.
 */
final class ControlEndpoints {

    static final String PREFIX = "/simulator/";
    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "throttle_every", "retry_after",
            "burst_every", "burst_length", "expire_token_after");

    private final AlationSimulator simulator;

    ControlEndpoints(AlationSimulator simulator) {
        this.simulator = simulator;
    }

    Reply serve(String method, String path, byte[] body) {
        return switch (method + " " + path) {
            case "GET /simulator/stats" -> stats(simulator.stats());
            case "POST /simulator/reset-stats" -> {
                simulator.resetStats();
                yield stats(simulator.stats());
            }
            case "GET /simulator/faults" -> faults(simulator.faults().current());
            case "POST /simulator/faults" -> changeFaults(body);
            default -> Reply.error(404, "Not found.");
        };
    }

    private static Reply stats(SimulatorStats.Snapshot stats) {
        return Reply.json(200, json -> {
            json.writeStartObject();
            json.writeNumberField("total", stats.total());
            writeCounts(json, "by_status", stats.byStatus());
            json.writeObjectFieldStart("by_endpoint");
            for (Map.Entry<SimulatorEndpoint, Long> entry : stats.byEndpoint().entrySet()) {
                json.writeNumberField(entry.getKey().statsName(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("by_endpoint_and_status");
            for (Map.Entry<SimulatorEndpoint, Map<Integer, Long>> entry : stats.responses().entrySet()) {
                writeCounts(json, entry.getKey().statsName(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("objects_served", stats.objectsServed());
            json.writeNumberField("tokens_issued", stats.tokensIssued());
            json.writeEndObject();
        });
    }

    private static void writeCounts(JsonGenerator json, String field, Map<Integer, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            json.writeNumberField(String.valueOf(entry.getKey()), entry.getValue());
        }
        json.writeEndObject();
    }

    private static Reply faults(SimulatorFaults.Settings faults) {
        return Reply.json(200, json -> {
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
    private Reply changeFaults(byte[] body) {
        SimulatorFaults.Settings now = simulator.faults().current();
        try {
            Map<String, Long> given = numbers(body);
            SimulatorFaults.Settings changed = new SimulatorFaults.Settings(
                    Duration.ofMillis(given.getOrDefault("latency_ms", now.latency().toMillis())),
                    Math.toIntExact(given.getOrDefault("throttle_every", (long) now.throttleEvery())),
                    Math.toIntExact(given.getOrDefault("retry_after", (long) now.retryAfterSeconds())),
                    Math.toIntExact(given.getOrDefault("burst_every", (long) now.burstEvery())),
                    Math.toIntExact(given.getOrDefault("burst_length", (long) now.burstLength())),
                    Math.toIntExact(given.getOrDefault("expire_token_after", (long) now.expireTokenAfter())));
            simulator.faults().set(changed);
            return faults(changed);
        } catch (IOException | IllegalArgumentException | ArithmeticException bad) {
            return Reply.error(400, "Invalid faults: " + bad.getMessage());
        }
    }

    private static Map<String, Long> numbers(byte[] body) throws IOException {
        Map<String, Long> numbers = new HashMap<>();
        JsonFields.read(body, (name, token, value) -> {
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
