package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.catalogbridge.simulator.SimulatorFaults;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's own control surface under {@code /simulator/}, the same as the Alation simulator's: statistics
 * ({@code GET /simulator/stats}, {@code POST /simulator/reset-stats}) and faults ({@code GET} and {@code POST
 * /simulator/faults}, the latter with any of the fields {@code GET} shows). Not counted, not delayed, no token.
 */
final class ControlEndpoint {

    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "throttle_every", "retry_after",
            "burst_every", "burst_length", "expire_token_after");

    private ControlEndpoint() {
    }

    static Answer serve(OpenMetadataSimulator simulator, String method, String path, byte[] body) {
        return switch (method + " " + path) {
            case "GET /simulator/stats" -> stats(simulator.stats());
            case "POST /simulator/reset-stats" -> {
                simulator.resetStats();
                yield stats(simulator.stats());
            }
            case "GET /simulator/faults" -> faults(simulator.faults().current());
            case "POST /simulator/faults" -> changeFaults(simulator.faults(), body);
            default -> Answer.error(404, "HTTP 404 Not Found");
        };
    }

    private static Answer stats(OpenMetadataStats.Snapshot stats) {
        return Answer.json(200, json -> {
            json.writeStartObject();
            json.writeNumberField("total", stats.total());
            json.writeObjectFieldStart("by_endpoint_and_status");
            for (Map.Entry<String, Map<Integer, Long>> endpoint : stats.responses().entrySet()) {
                json.writeObjectFieldStart(endpoint.getKey());
                for (Map.Entry<Integer, Long> status : endpoint.getValue().entrySet()) {
                    json.writeNumberField(String.valueOf(status.getKey()), status.getValue());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeNumberField("objects_served", stats.objectsServed());
            json.writeEndObject();
        });
    }

    private static Answer faults(SimulatorFaults.Settings faults) {
        return Answer.json(200, json -> {
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
    private static Answer changeFaults(SimulatorFaults faults, byte[] body) {
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
            return Answer.error(400, "Invalid faults: " + bad.getMessage());
        }
    }

    private static Map<String, Long> numbers(byte[] body) throws IOException {
        Map<String, Long> numbers = new HashMap<>();
        try (JsonParser parser = Cursor.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a JSON object is expected");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!FAULT_FIELDS.contains(name)) {
                    throw new IOException("unknown field \"" + name + "\"; known: " + FAULT_FIELDS);
                }
                if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    throw new IOException("\"" + name + "\" must be a whole number");
                }
                numbers.put(name, parser.getLongValue());
            }
        }
        return numbers;
    }
}
