package io.catalogbridge.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters, decoded, in the order first given: the last of repeated values wins, an empty value
 * is as good as none. Every value of a repeated parameter is kept too, for the parameters a catalog reads as a set
 * (a client library encodes a set as the key repeated). What each parameter means is the simulator's.
 */
public final class SimulatorQuery {

    private static final SimulatorQuery NONE = new SimulatorQuery(Map.of(), Map.of());

    private final Map<String, String> values;
    private final Map<String, List<String>> repeated;

    private SimulatorQuery(Map<String, String> values, Map<String, List<String>> repeated) {
        this.values = values;
        this.repeated = repeated;
    }

    /** The parameters of a raw (still encoded) query; an IllegalArgumentException names a bad escape. */
    public static SimulatorQuery parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.put(name, value);
                repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException badEscape) {
                throw new IllegalArgumentException("Malformed query string: " + badEscape.getMessage());
            }
        }
        return new SimulatorQuery(values, repeated);
    }

    /** The value, or null when absent or empty. */
    public String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every non-empty value of a parameter, in the order given; empty when there is none. */
    public List<String> all(String name) {
        return repeated.getOrDefault(name, List.of()).stream().filter(value -> !value.isEmpty()).toList();
    }

    /** Every value of every parameter (empty ones too), by parameter in the order first given. */
    public Map<String, List<String>> allValues() {
        return Collections.unmodifiableMap(repeated);
    }

    /** Every parameter as given (empty values too), in the order first given; the last of repeated values. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
