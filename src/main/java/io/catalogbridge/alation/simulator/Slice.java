package io.catalogbridge.alation.simulator;

import java.util.ArrayList;
import java.util.List;

/** One page of a stored listing, and whether more follow it (what decides X-Next-Page). */
record Slice<T>(List<T> items, boolean more) {

    /** The page after the first {@code skip} items, of at most {@code limit}. */
    static <T> Slice<T> of(Iterable<T> all, long skip, int limit) {
        List<T> page = new ArrayList<>(Math.min(limit, QueryParameters.MAX_LIMIT));
        long index = 0;
        for (T item : all) {
            if (index++ < skip) {
                continue;
            }
            if (page.size() == limit) {
                return new Slice<>(page, true);
            }
            page.add(item);
        }
        return new Slice<>(page, false);
    }
}
