package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/**
 * Deterministic entity ids: a random-looking version-4 UUID per (seed, kind, index) that maps back to its index, so
 * {@code GET /tables/{id}} finds a table of a million-table catalog without any index held in memory. The high half
 * is a hash of the index, the low half the index under a seed-drawn mask (and the variant bits).
 */
final class Ids {

    enum Kind {
        SERVICE, DATABASE, SCHEMA, TABLE, USER
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long INDEX_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final long[] salts = new long[Kind.values().length];
    private final long[] masks = new long[Kind.values().length];

    Ids(long seed) {
        for (Kind kind : Kind.values()) {
            salts[kind.ordinal()] = hash(seed, 0x1D5L, kind.ordinal());
            masks[kind.ordinal()] = hash(seed, 0x3A5CL, kind.ordinal()) & INDEX_BITS;
        }
    }

    long msb(Kind kind, long index) {
        return mix(salts[kind.ordinal()] + index * GOLDEN) & ~0xF000L | 0x4000L;
    }

    long lsb(Kind kind, long index) {
        return 0x8000_0000_0000_0000L | (index ^ masks[kind.ordinal()]) & INDEX_BITS;
    }

    UUID id(Kind kind, long index) {
        return new UUID(msb(kind, index), lsb(kind, index));
    }

    /** The index this UUID was made from, or -1 when it is no id of this kind. */
    long index(Kind kind, UUID id) {
        if ((id.getLeastSignificantBits() & ~INDEX_BITS) != 0x8000_0000_0000_0000L) {
            return -1;
        }
        long index = (id.getLeastSignificantBits() ^ masks[kind.ordinal()]) & INDEX_BITS;
        return msb(kind, index) == id.getMostSignificantBits() ? index : -1;
    }

    /** SplitMix64's finalizer: stateless pseudo-randomness, the same input always giving the same number. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long salt, long value) {
        return mix(mix(seed * GOLDEN + salt) + value * GOLDEN);
    }

    /** A number in [0, bound). */
    static int below(long hash, int bound) {
        return (int) Long.remainderUnsigned(hash, bound);
    }

    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
