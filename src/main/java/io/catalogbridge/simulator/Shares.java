package io.catalogbridge.simulator;

/**
 * How a simulated catalog cuts a total (schemas, tables) into seed-drawn shares: weights drawn from the seed, and the
 * cumulative cut points of the total in proportion to them.
 */
public final class Shares {

    private Shares() {
    }

    /** An even weight in [0.3, 2) from a number {@code u} in [0, 1). */
    public static double evenWeight(double u) {
        return 0.3 + 1.7 * u;
    }

    /**
     * Log-normal weight {@code i} in [0.25, 4] around 1, most near 1 and a few several times larger, drawn from the
     * hashes of {@code 2i} and {@code 2i + 1} under (seed, salt).
     */
    public static double logNormalWeight(long seed, long salt, int i) {
        double u1 = Math.max(Hashing.unit(Hashing.hash(seed, salt, 2L * i)), 1e-12);
        double u2 = Hashing.unit(Hashing.hash(seed, salt, 2L * i + 1));
        double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.min(4, Math.max(0.25, Math.exp(0.6 * gaussian)));
    }

    /** Cumulative cut points of {@code total} in proportion to the weights: starts[0] = 0, starts[n] = total. */
    public static long[] cut(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] starts = new long[weights.length + 1];
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            starts[i + 1] = Math.min(total, Math.round(total * (cumulative / sum)));
        }
        starts[weights.length] = total;
        return starts;
    }
}
