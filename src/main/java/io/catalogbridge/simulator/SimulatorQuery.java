package io.catalogbridge.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's query parameters, decoded, in the order first given: the last of repeated values wins, an empty value
 * is as good as none. What each parameter means is the simulator's.
 */
public final class SimulatorQuery {

    private static final SimulatorQuery NONE = new SimulatorQuery(Map.of());

    private final Map<String, String> values;

    private SimulatorQuery(Map<String, String> values) {
        this.values = values;
    }

    /** The parameters of a raw (still encoded) query; an IllegalArgumentException names a bad escape. */
    public static SimulatorQuery parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.put(name, value);
            } catch (IllegalArgumentException badEscape) {
                throw new IllegalArgumentException("Malformed query string: " + badEscape.getMessage());
            }
        }
        return new SimulatorQuery(values);
    }

    /** The value, or null when absent or empty. */
    public String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every parameter as given (empty values too), in the order first given. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
