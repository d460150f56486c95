package io.catalogbridge.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator's own control surface under {@code /simulator/}, for benchmarks in another process: statistics
 * ({@code GET /simulator/stats}, {@code POST /simulator/reset-stats}) and faults ({@code GET} and {@code POST
 * /simulator/faults}, the latter with any of the fields {@code GET} shows), and the drift of tables ({@code POST
 * /simulator/tables/{id}/rename}, {@code .../move}, {@code .../drop}, see {@link DriftOperations}). Not counted, not
 * delayed, no token. The simulator gives the statistics' body, its drift and the shape of its answers; {@code R} is
 * its answer type.
 */
public final class SimulatorControl<R> {

    public static final String PREFIX = "/simulator/";
    private static final Set<String> FAULT_FIELDS = Set.of("latency_ms", "throttle_every", "retry_after",
            "burst_every", "burst_length", "expire_token_after");
    /** A table id is one path segment: no slash, and short (a UUID is 36 characters). */
    private static final Pattern DRIFT = Pattern.compile("/simulator/tables/([^/]{1,64})/(rename|move|drop)");

    private final SimulatorFaults faults;
    private final SimulatorJson.Writer stats;
    private final Runnable resetStats;
    private final BiFunction<Integer, SimulatorJson.Writer, R> json;
    private final BiFunction<Integer, String, R> error;
    private final String notFound;
    private final DriftOperations drift;

    /**
     * @param stats      writes the current statistics
     * @param drift      the catalog's drift of tables
     * @param json       a JSON answer of a status
     * @param error      an error answer in the simulator's own shape
     * @param notFound   what its 404 says
     */
    public SimulatorControl(SimulatorFaults faults, SimulatorJson.Writer stats, Runnable resetStats,
                            DriftOperations drift, BiFunction<Integer, SimulatorJson.Writer, R> json,
                            BiFunction<Integer, String, R> error, String notFound) {
        this.faults = faults;
        this.drift = drift;
        this.stats = stats;
        this.resetStats = resetStats;
        this.json = json;
        this.error = error;
        this.notFound = notFound;
    }

    /** Answers a call whose path starts with {@link #PREFIX}. */
    public R serve(String method, String path, byte[] body) {
        Matcher drifting = DRIFT.matcher(path);
        if (drifting.matches()) {
            return method.equals("POST") ? drift(drifting.group(1), drifting.group(2), body)
                    : error.apply(405, "Method " + method + " not allowed; drift is POST");
        }
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

    /**
     * One drift operation: its body read (rename needs {@code name}; move takes none; drop an optional
     * {@code hard}), the operation run, and its answer: rename the table, move {@code {"old_id", "table"}}, drop
     * {@code {"dropped": id}}. 404 when no table has the id, 400 for a bad body or a change the catalog refuses.
     */
    private R drift(String id, String operation, byte[] body) {
        if (drift.shape().numericIds() && !isWholeNumber(id)) {
            return error.apply(404, notFound); // no table has an id that is no number
        }
        try {
            Map<String, Object> fields = driftFields(operation, body);
            return switch (operation) {
                case "rename" -> {
                    Object name = fields.get("name");
                    if (!(name instanceof String text) || text.isBlank()) {
                        throw new IllegalArgumentException("\"name\" is required: the table's new name");
                    }
                    Object schema = fields.get(drift.shape().schemaField());
                    DriftOperations.Table renamed = drift.rename(id, text, schema == null ? null
                            : schema.toString());
                    yield json.apply(200, renamed.json());
                }
                case "move" -> {
                    DriftOperations.Table moved = drift.move(id);
                    yield json.apply(200, json -> {
                        json.writeStartObject();
                        writeId(json, "old_id", id);
                        json.writeFieldName("table");
                        moved.json().write(json);
                        json.writeEndObject();
                    });
                }
                default -> {
                    drift.drop(id, Boolean.TRUE.equals(fields.get("hard")));
                    yield json.apply(200, json -> {
                        json.writeStartObject();
                        writeId(json, "dropped", id);
                        json.writeEndObject();
                    });
                }
            };
        } catch (NoSuchElementException unknown) {
            return error.apply(404, notFound);
        } catch (IOException | IllegalArgumentException bad) {
            return error.apply(400, "Invalid " + operation + ": " + bad.getMessage());
        }
    }

    /**
     * The fields of a drift call's body, each checked against the operation: rename's {@code name} (text) and
     * schema field (a number or text, as the catalog's ids), drop's {@code hard} (a boolean; only {@code true}
     * where the catalog cannot soft-delete). An empty body is no field.
     */
    private Map<String, Object> driftFields(String operation, byte[] body) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return fields;
        }
        Set<String> known = switch (operation) {
            case "rename" -> Set.of("name", drift.shape().schemaField());
            case "drop" -> Set.of("hard");
            default -> Set.of();
        };
        SimulatorJson.readFields(body, (name, token, value) -> {
            if (!known.contains(name)) {
                throw new IOException("unknown field \"" + name + "\"; known: " + known);
            }
            fields.put(name, fieldValue(name, token, value));
        });
        if (Boolean.FALSE.equals(fields.get("hard")) && !drift.shape().softDrops()) {
            throw new IllegalArgumentException("this catalog has no soft delete: a drop is always hard");
        }
        return fields;
    }

    /** A drift field's value, of its type: {@code hard} a boolean, {@code name} text, the schema as the ids are. */
    private Object fieldValue(String name, JsonToken token, JsonParser value) throws IOException {
        if (name.equals("hard")) {
            if (!token.isBoolean()) {
                throw new IOException("\"hard\" must be true or false");
            }
            return value.getBooleanValue();
        }
        if (name.equals("name") || !drift.shape().numericIds()) {
            if (token != JsonToken.VALUE_STRING) {
                throw new IOException("\"" + name + "\" must be a string");
            }
            return value.getText();
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("\"" + name + "\" must be a whole number");
        }
        return value.getLongValue();
    }

    private void writeId(JsonGenerator json, String field, String id) throws IOException {
        if (drift.shape().numericIds()) {
            json.writeNumberField(field, Long.parseLong(id));
        } else {
            json.writeStringField(field, id);
        }
    }

    private static boolean isWholeNumber(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
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
