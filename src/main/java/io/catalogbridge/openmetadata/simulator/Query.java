package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.SimulatorQuery;

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

    private final SimulatorQuery query;

    private Query(SimulatorQuery query) {
        this.query = query;
    }

    static Query parse(String rawQuery) {
        try {
            return new Query(SimulatorQuery.parse(rawQuery));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequest(malformed.getMessage());
        }
    }

    /** The value, or null when absent or empty. */
    String text(String name) {
        return query.text(name);
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
