package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.Hashing;
import java.util.UUID;

/**
 * Deterministic entity ids: a random-looking version-4 UUID per (seed, kind, index) that maps back to its index, so
 * {@code GET /tables/{id}} finds a table of a million-table catalog without any index held in memory. The high half
 * is a hash of the index, the low half a bijective scramble of the index in 62 bits (beside the variant bits), which
 * {@link #index} undoes.
 */
final class Ids {

    enum Kind {
        SERVICE, DATABASE, SCHEMA, TABLE, USER,
        // data quality (appended: the ordinals above, and with them every catalog id, stay as they were)
        TEST_DEFINITION, TEST_SUITE, TEST_CASE, CHANGE_EVENT, TEST_CASE_RESULT,
        /** A table re-created by a drift's move, numbered by the moves: never the id of a computed table. */
        MOVED_TABLE
    }

    private static final long INDEX_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final long[] salts = new long[Kind.values().length];
    private final long[] masks = new long[Kind.values().length];

    Ids(long seed) {
        for (Kind kind : Kind.values()) {
            salts[kind.ordinal()] = Hashing.hash(seed, 0x1D5L, kind.ordinal());
            masks[kind.ordinal()] = Hashing.hash(seed, 0x3A5CL, kind.ordinal()) & INDEX_BITS;
        }
    }

    long msb(Kind kind, long index) {
        return Hashing.mix(salts[kind.ordinal()] + index * Hashing.GOLDEN) & ~0xF000L | 0x4000L;
    }

    long lsb(Kind kind, long index) {
        return 0x8000_0000_0000_0000L | scramble(index ^ masks[kind.ordinal()]);
    }

    UUID id(Kind kind, long index) {
        return new UUID(msb(kind, index), lsb(kind, index));
    }

    /** The index this UUID was made from, or -1 when it is no id of this kind. */
    long index(Kind kind, UUID id) {
        if ((id.getLeastSignificantBits() & ~INDEX_BITS) != 0x8000_0000_0000_0000L) {
            return -1;
        }
        long index = unscramble(id.getLeastSignificantBits() & INDEX_BITS) ^ masks[kind.ordinal()];
        return msb(kind, index) == id.getMostSignificantBits() ? index : -1;
    }

    private static final long ODD_1 = 0x3F58476D1CE4E5B9L & INDEX_BITS;
    private static final long ODD_2 = 0x14D049BB133111EBL & INDEX_BITS;
    private static final long INVERSE_1 = inverse(ODD_1);
    private static final long INVERSE_2 = inverse(ODD_2);

    /** A bijection on 62 bits: odd multiplications and xor-shifts, each undone by {@link #unscramble}. */
    static long scramble(long z) {
        z = z * ODD_1 & INDEX_BITS;
        z ^= z >>> 31;
        z = z * ODD_2 & INDEX_BITS;
        return z ^ z >>> 29;
    }

    static long unscramble(long z) {
        z ^= z >>> 29;
        z ^= z >>> 58;
        z = z * INVERSE_2 & INDEX_BITS;
        z ^= z >>> 31;
        return z * INVERSE_1 & INDEX_BITS;
    }

    /** The inverse of an odd number modulo 2^62 (Newton's iteration doubles the correct bits each step). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x & INDEX_BITS;
    }
}
