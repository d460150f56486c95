package io.catalogbridge.simulator;

/**
 * Stateless pseudo-randomness (SplitMix64 finalizer): the same inputs always give the same number, which is what
 * lets a simulated catalog compute any table from its index instead of storing it.
 */
public final class Hashing {

    /** 2^64 divided by the golden ratio, odd: SplitMix64's increment. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of the seed and a purpose ({@code salt}) and a value: different salts give unrelated streams. */
    public static long hash(long seed, long salt, long value) {
        return mix(mix(seed * GOLDEN + salt) + value * GOLDEN);
    }

    public static long hash(long seed, long salt, String value) {
        return hash(seed, salt, value.hashCode()); // String.hashCode is specified, so this is stable across JVMs
    }

    /** A number in [0, bound). */
    public static int below(long hash, int bound) {
        return (int) Long.remainderUnsigned(hash, bound);
    }

    /** A number in [0, 1). */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
