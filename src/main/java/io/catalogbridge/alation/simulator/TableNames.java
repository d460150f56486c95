package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Table names, computed from a table's position in its schema and never stored.
 *
 * <p>A name is a noun from a shared vocabulary plus an optional qualifier ({@code customer_address_history}),
 * written in the schema's {@link Style}. Position {@code p} takes combination {@code permutation[(p + offset) mod C]}
 * (C combinations; {@code _1}, {@code _2} ... appended once a schema has more than C tables), so schemas with the same
 * offset hold the same names at the same positions: that is how one table name recurs across data sources. Every
 * 200th position (p mod 200 = 7) repeats the previous table's name in the other case ({@code Customer} then
 * {@code CUSTOMER}); every 100th (p mod 100 = 42) holds a dot ({@code Employees.FullTime}); every 1,000th
 * (p mod 1000 = 617) a double quote ({@code orders "copy"}). Within one schema no two names are equal, and two names
 * equal ignoring case only for those case twins.
 *
 * <p>Because positions map to names by arithmetic, a name can be mapped back to its positions
 * ({@link #lookup}) without scanning the schema: the name filters of the table endpoint rely on that.
 */
final class TableNames {

    /** How a schema writes its table names. */
    enum Style {
        LOWER_SNAKE, UPPER_SNAKE, PASCAL
    }

    static final int TWIN_PERIOD = 200;
    static final int TWIN_AT = 7;
    static final int DOTTED_PERIOD = 100;
    static final int DOTTED_AT = 42;
    static final int QUOTED_PERIOD = 1000;
    static final int QUOTED_AT = 617;

    private static final String[] NOUNS = {
        "customer", "customer address", "customer segment", "order", "order line", "order status", "product",
        "product category", "product price", "invoice", "invoice line", "payment", "payment method", "employee",
        "department", "salary", "account", "account balance", "transaction", "shipment", "shipping carrier",
        "supplier", "store", "region", "territory", "sales target", "sales quota", "campaign", "campaign response",
        "lead", "opportunity", "contact", "ticket", "ticket comment", "event", "session", "page view", "click",
        "inventory", "warehouse", "stock movement", "price list", "discount", "currency", "exchange rate",
        "ledger entry", "journal", "budget", "forecast", "subscription", "plan", "user", "role", "permission",
        "audit log", "device", "sensor reading", "claim", "policy", "patient", "visit", "vendor", "contract", "asset",
        "promotion", "return", "refund", "review", "rating", "category", "brand", "country", "city", "calendar",
        "fiscal period", "cost center", "project", "task", "timesheet", "payroll", "benefit", "applicant", "course",
        "enrollment", "member", "loyalty point", "coupon", "cart", "wishlist", "delivery", "route", "vehicle",
        "driver", "trip", "fare", "merchant", "chargeback", "fraud alert", "risk score", "model score", "experiment",
        "feature flag", "release", "incident", "employees", "sales", "orders", "customers", "products"};
    private static final String[] QUALIFIERS = {
        "", "history", "archive", "stage", "daily", "monthly", "weekly", "summary", "detail", "snapshot", "v2",
        "backup", "raw", "agg", "current", "tmp"};
    private static final String DOTTED_DEFAULT_QUALIFIER = "main";
    private static final String QUOTED_SUFFIX = " \"copy\"";

    static final int COMBINATIONS = NOUNS.length * QUALIFIERS.length;

    private enum Variant {
        PLAIN, DOTTED, QUOTED
    }

    /** Every rendering, by style, variant and combination: a constant cost, whatever the catalog's size. */
    private static final String[][][] RENDERED = renderAll();
    /** Lower-cased rendering to the combinations that render to it, to map a name back to positions. */
    private static final Map<String, int[]> COMBINATIONS_BY_NAME = indexRenderings();

    private final int[] permutation = new int[COMBINATIONS];
    private final int[] rankOf = new int[COMBINATIONS];

    TableNames(long seed) {
        for (int i = 0; i < COMBINATIONS; i++) {
            permutation[i] = i;
        }
        for (int i = COMBINATIONS - 1; i > 0; i--) {
            int j = Hashing.below(Hashing.hash(seed, 0x7AB1E, i), i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        for (int rank = 0; rank < COMBINATIONS; rank++) {
            rankOf[permutation[rank]] = rank;
        }
    }

    /** The name of the table at {@code position} in a schema with this style and offset. */
    String name(Style style, int offset, long position) {
        if (isCaseTwin(position)) {
            return flipCase(name(style, offset, position - 1));
        }
        String base = RENDERED[style.ordinal()][variant(position).ordinal()][combination(offset, position)];
        long round = position / COMBINATIONS;
        return round == 0 ? base : base + "_" + round;
    }

    /** The combination (noun and qualifier) the table at {@code position} is named after. */
    int combination(int offset, long position) {
        long own = isCaseTwin(position) ? position - 1 : position;
        return permutation[(int) ((own % COMBINATIONS + offset) % COMBINATIONS)];
    }

    /** The combination in words, for titles and descriptions: {@code customer address history}. */
    static String words(int combination) {
        String qualifier = QUALIFIERS[combination % QUALIFIERS.length];
        String noun = NOUNS[combination / QUALIFIERS.length];
        return qualifier.isEmpty() ? noun : noun + " " + qualifier;
    }

    /** Prepares finding {@code name} (exactly, or ignoring case) in any number of schemas. */
    Lookup lookup(String name, boolean ignoreCase) {
        return new Lookup(name, ignoreCase);
    }

    /**
     * A name mapped back to the combinations and rounds that could render it; {@link #positions} then places them in
     * one schema and keeps those whose computed name really matches.
     */
    final class Lookup {

        private final String name;
        private final boolean ignoreCase;
        private final long[] rounds;
        private final int[][] combinationsByRound;

        private Lookup(String name, boolean ignoreCase) {
            this.name = name;
            this.ignoreCase = ignoreCase;
            String lower = name.toLowerCase(Locale.ROOT);
            int underscore = lower.lastIndexOf('_');
            int digits = lower.length() - underscore - 1;
            boolean numbered = underscore > 0 && digits > 0 && digits <= 9 && lower.charAt(underscore + 1) != '0'
                    && lower.substring(underscore + 1).chars().allMatch(Character::isDigit);
            int[] plain = COMBINATIONS_BY_NAME.getOrDefault(lower, new int[0]);
            if (numbered) {
                rounds = new long[] {0, Long.parseLong(lower.substring(underscore + 1))};
                combinationsByRound = new int[][] {plain,
                        COMBINATIONS_BY_NAME.getOrDefault(lower.substring(0, underscore), new int[0])};
            } else {
                rounds = new long[] {0};
                combinationsByRound = new int[][] {plain};
            }
        }

        /** The positions, in increasing order, of the matching tables in a schema of {@code size} tables. */
        long[] positions(Style style, int offset, long size) {
            List<Long> candidates = new ArrayList<>(4);
            for (int r = 0; r < rounds.length; r++) {
                for (int combination : combinationsByRound[r]) {
                    long position = rounds[r] * COMBINATIONS
                            + Math.floorMod(rankOf[combination] - offset, COMBINATIONS);
                    if (position < size) {
                        candidates.add(position);
                    }
                    if (position + 1 < size && isCaseTwin(position + 1)) {
                        candidates.add(position + 1); // the twin carries this position's name in the other case
                    }
                }
            }
            if (candidates.isEmpty()) {
                return new long[0];
            }
            return candidates.stream().distinct().sorted()
                    .filter(position -> matches(name(style, offset, position)))
                    .mapToLong(Long::longValue).toArray();
        }

        boolean matches(String candidate) {
            return ignoreCase ? candidate.equalsIgnoreCase(name) : candidate.equals(name);
        }
    }

    private static boolean isCaseTwin(long position) {
        return position % TWIN_PERIOD == TWIN_AT;
    }

    private static Variant variant(long position) {
        if (position % QUOTED_PERIOD == QUOTED_AT) {
            return Variant.QUOTED;
        }
        return position % DOTTED_PERIOD == DOTTED_AT ? Variant.DOTTED : Variant.PLAIN;
    }

    private static String flipCase(String name) {
        boolean hasLower = !name.equals(name.toUpperCase(Locale.ROOT));
        return hasLower ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    private static String[][][] renderAll() {
        String[][][] rendered = new String[Style.values().length][Variant.values().length][COMBINATIONS];
        for (Style style : Style.values()) {
            for (int combination = 0; combination < COMBINATIONS; combination++) {
                String noun = NOUNS[combination / QUALIFIERS.length];
                String qualifier = QUALIFIERS[combination % QUALIFIERS.length];
                String plain = join(style, qualifier.isEmpty() ? noun : noun + " " + qualifier);
                String[][] byVariant = rendered[style.ordinal()];
                byVariant[Variant.PLAIN.ordinal()][combination] = plain;
                byVariant[Variant.DOTTED.ordinal()][combination] = join(style, noun) + "."
                        + join(style, qualifier.isEmpty() ? DOTTED_DEFAULT_QUALIFIER : qualifier);
                byVariant[Variant.QUOTED.ordinal()][combination] = plain + QUOTED_SUFFIX;
            }
        }
        return rendered;
    }

    private static String join(Style style, String words) {
        return switch (style) {
            case LOWER_SNAKE -> words.replace(' ', '_');
            case UPPER_SNAKE -> words.replace(' ', '_').toUpperCase(Locale.ROOT);
            case PASCAL -> {
                StringBuilder pascal = new StringBuilder(words.length());
                for (String word : words.split(" ")) {
                    pascal.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                }
                yield pascal.toString();
            }
        };
    }

    private static Map<String, int[]> indexRenderings() {
        Map<String, int[]> index = new HashMap<>();
        for (String[][] byVariant : RENDERED) {
            for (String[] byCombination : byVariant) {
                for (int combination = 0; combination < COMBINATIONS; combination++) {
                    int found = combination;
                    index.merge(byCombination[combination].toLowerCase(Locale.ROOT), new int[] {combination},
                            (known, added) -> Arrays.stream(known).anyMatch(c -> c == found) ? known
                                    : append(known, found));
                }
            }
        }
        return Map.copyOf(index);
    }

    private static int[] append(int[] values, int value) {
        int[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    /** For tests: every plain rendering of one style, to check that no two differ only in case. */
    static List<String> plainRenderings(Style style) {
        return List.of(RENDERED[style.ordinal()][Variant.PLAIN.ordinal()]);
    }
}
