package io.catalogbridge.alation.simulator;

import java.util.Arrays;
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
