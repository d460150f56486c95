package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A request's query parameters, read the way Django does: the last of repeated values wins (but where a parameter
 * is a set, {@link #numbers}, every value counts), an empty value is as good as none, unknown parameters are ignored. A value that cannot be read is a {@link BadRequest}.
 */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final SimulatorQuery query;

    /** A 400 answer with Alation's code for bad query parameters. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String detail) {
            super(detail, null, false, false);
        }

        Reply reply() {
            return Reply.error(400, getMessage(), "400006", Map.of());
        }
    }

    /** Which slice of a listing a request asks for. */
    record Page(int limit, long skip) {
    }

    private QueryParameters(SimulatorQuery query) {
        this.query = query;
    }

    static QueryParameters parse(String rawQuery) {
        try {
            return new QueryParameters(SimulatorQuery.parse(rawQuery));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequest(malformed.getMessage());
        }
    }

    /** The value, or null when absent or empty. */
    String text(String name) {
        return query.text(name);
    }

    /** The whole number, or null when absent or empty. */
    Long number(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("Invalid value for \"" + name + "\": \"" + value + "\" is not a whole number.");
        }
    }

    /**
     * Every whole number given for a repeated parameter ({@code id=5&id=9}, the way the SDK sends a set), or null
     * when none is: a filter on "any of these".
     */
    NavigableSet<Long> numbers(String name) {
        List<String> values = query.all(name);
        if (values.isEmpty()) {
            return null;
        }
        NavigableSet<Long> numbers = new TreeSet<>();
        for (String value : values) {
            try {
                numbers.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new BadRequest("Invalid value for \"" + name + "\": \"" + value + "\" is not a whole number.");
            }
        }
        return numbers;
    }

    /** {@code limit} (default 100, above 1,000 served as 1,000, 0 the default as in Django) and {@code skip}. */
    Page page() {
        Long limit = number("limit");
        Long skip = number("skip");
        if (limit != null && limit < 0) {
            throw new BadRequest("Invalid value for \"limit\": it may not be negative.");
        }
        if (skip != null && skip < 0) {
            throw new BadRequest("Invalid value for \"skip\": it may not be negative.");
        }
        int effective = limit == null || limit == 0 ? DEFAULT_LIMIT : (int) Math.min(limit, MAX_LIMIT);
        // far beyond any listing, and small enough that skip + limit cannot overflow
        return new Page(effective, skip == null ? 0 : Math.min(skip, Long.MAX_VALUE / 2));
    }

    /**
     * The relative link to the page after {@code page}: the same filters (each value of a repeated one, so a set of
     * ids pages on as a set), the effective limit, skip advanced.
     */
    String nextPage(String path, Page page) {
        StringBuilder link = new StringBuilder(path).append('?');
        query.allValues().forEach((name, values) -> {
            if (!name.equals("limit") && !name.equals("skip")) {
                for (String value : values) {
                    link.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        return link.append("limit=").append(page.limit()).append("&skip=").append(page.skip() + page.limit())
                .toString();
    }
}
