package io.catalogbridge.alation.simulator;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * The ids a listing selects, as increasing, disjoint ranges: a whole schema is one range however large, so a page
 * anywhere in a million-table listing is found without enumerating what comes before it.
 */
final class IdRanges {

    private long[] starts = new long[16];
    private long[] ends = new long[16];
    private int size;
    private long total;

    /** Appends the ids {@code from .. to - 1}; ranges must come in increasing order. */
    void add(long from, long to) {
        if (from >= to) {
            return;
        }
        total += to - from;
        if (size > 0 && ends[size - 1] == from) {
            ends[size - 1] = to;
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = from;
        ends[size] = to;
        size++;
    }

    long total() {
        return total;
    }

    /** Whether {@code id} is one of these ids: a binary search of the ranges. */
    boolean contains(long id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= id) {
                low = middle + 1;
            } else if (starts[middle] > id) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Only those of {@code ids} that are among these ids, in increasing order. */
    IdRanges retain(NavigableSet<Long> ids) {
        IdRanges kept = new IdRanges();
        for (long id : ids) {
            if (contains(id)) {
                kept.add(id, id + 1);
            }
        }
        return kept;
    }

    /**
     * These ids without {@code removed}, plus {@code added} (a subset of {@code removed}): how a drift changes a
     * selection, cutting out the tables it changed and putting back those that, as they are now, are selected. Costs
     * the ranges and the changed ids, never the ids of a range.
     */
    IdRanges replacing(NavigableSet<Long> removed, NavigableSet<Long> added) {
        IdRanges result = new IdRanges();
        Iterator<Long> adding = added.iterator();
        Long next = adding.hasNext() ? adding.next() : null;
        for (int range = 0; range < size; range++) {
            long from = starts[range];
            for (long cut : removed.subSet(starts[range], true, ends[range], false)) {
                next = addBelow(result, from, adding, next);
                result.add(from, cut);
                from = cut + 1;
            }
            next = addBelow(result, from, adding, next);
            result.add(from, ends[range]);
        }
        addBelow(result, Long.MAX_VALUE, adding, next); // table ids never come near Long.MAX_VALUE
        return result;
    }

    /** Adds the added ids below {@code bound}, in order; the first one at or above it. */
    private static Long addBelow(IdRanges result, long bound, Iterator<Long> adding, Long next) {
        while (next != null && next < bound) {
            result.add(next, next + 1);
            next = adding.hasNext() ? adding.next() : null;
        }
        return next;
    }

    /** The ids after the first {@code skip}, in increasing order. */
    PrimitiveIterator.OfLong from(long skip) {
        return new PrimitiveIterator.OfLong() {
            private int range;
            private long next = -1;

            {
                long remaining = skip;
                while (range < size && remaining >= ends[range] - starts[range]) {
                    remaining -= ends[range] - starts[range];
                    range++;
                }
                if (range < size) {
                    next = starts[range] + remaining;
                }
            }

            @Override
            public boolean hasNext() {
                return range < size;
            }

            @Override
            public long nextLong() {
                if (range >= size) {
                    throw new NoSuchElementException();
                }
                long id = next;
                if (++next == ends[range] && ++range < size) {
                    next = starts[range];
                }
                return id;
            }
        };
    }
}
