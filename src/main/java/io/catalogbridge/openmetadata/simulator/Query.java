package io.catalogbridge.openmetadata.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of a request, decoded; the last of repeated values wins. */
final class Query {

    static final int DEFAULT_LIMIT = 10;
    /** TableResource and its siblings: {@code @Min(0) @Max(1000000)}, default 10. */
    static final int MAX_LIMIT = 1_000_000;

    /** A request OpenMetadata would refuse with 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    static Query parse(String rawQuery) {
        Query query = new Query();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.values.put(name, value);
            } catch (IllegalArgumentException badEscape) {
                throw new BadRequest("Malformed query string: " + badEscape.getMessage());
            }
        }
        return query;
    }

    /** The value, or null when absent or empty. */
    String text(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    int limit() {
        String value = text("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        long limit;
        try {
            limit = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("query param limit must be an integer, not \"" + value + "\"");
        }
        if (limit < 0) {
            throw new BadRequest("query param limit must be greater than or equal to 0");
        }
        if (limit > MAX_LIMIT) {
            throw new BadRequest("query param limit must be less than or equal to " + MAX_LIMIT);
        }
        return (int) limit;
    }

    Include include() {
        try {
            return Include.parse(text("include"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    Cursor after() {
        return cursor("after");
    }

    Cursor before() {
        return cursor("before");
    }

    private Cursor cursor(String name) {
        if (text("before") != null && text("after") != null) {
            throw new BadRequest("Only one of before or after query parameter allowed");
        }
        String value = text(name);
        try {
            return value == null ? null : Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }
}
