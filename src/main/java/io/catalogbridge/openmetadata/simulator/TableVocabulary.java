package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.openmetadata.simulator.ServiceType.NameCase;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every table name the catalog can hold, as {@value #NAMES} name slots rendered in each {@link NameCase}, and all of
 * them in one sorted order: the keyset order (name, id) of OpenMetadata's listings walks this order slot by slot.
 *
 * <p>A slot is a noun and a qualifier ({@code customer_address_history}), numbered ({@code _2} ...) past the first
 * {@value #COMBINATIONS}. One combination in 40 is dotted ({@code employees.full_time}), and one in 160 also holds
 * double quotes ({@code invoice "v1.2"}): their FQN parts are quoted. A name never holds a quote without a dot.
 */
final class TableVocabulary {

    private static final String[] NOUNS = {
        "customer", "customer address", "customer segment", "order", "order line", "order status", "product",
        "product category", "product price", "invoice", "invoice line", "payment", "payment method", "employee",
        "department", "salary", "account", "account balance", "transaction", "shipment", "shipping carrier",
        "supplier", "store", "region", "territory", "sales target", "campaign", "campaign response", "lead",
        "opportunity", "contact", "ticket", "ticket comment", "event", "session", "page view", "click", "inventory",
        "warehouse", "stock movement", "price list", "discount", "currency", "exchange rate", "ledger entry",
        "journal", "budget", "forecast", "subscription", "plan", "user", "role", "permission", "audit log", "device",
        "sensor reading", "claim", "policy", "patient", "visit", "vendor", "contract", "asset", "promotion", "return",
        "refund", "review", "rating", "category", "brand", "country", "city", "calendar", "fiscal period",
        "cost center", "project", "task", "timesheet", "payroll", "benefit", "applicant", "course", "enrollment",
        "member", "loyalty point", "coupon", "cart", "wishlist", "delivery", "route", "vehicle", "driver", "trip",
        "fare", "merchant", "chargeback", "fraud alert", "risk score", "experiment", "orders"};
    private static final String[] QUALIFIERS = {
        "", "history", "archive", "stage", "daily", "monthly", "weekly", "summary", "detail", "snapshot", "v2",
        "backup", "raw", "agg", "current", "full time"};

    static final int COMBINATIONS = NOUNS.length * QUALIFIERS.length;
    static final int ROUNDS = 4;
    /** Name slots per case: a schema holds at most this many tables. */
    static final int NAMES = COMBINATIONS * ROUNDS;

    private static final String[][] RENDERED = new String[NameCase.values().length][NAMES];
    /** Every rendering of every case, sorted as OpenMetadata sorts names (binary, so UPPER before lower). */
    private static final String[] SORTED;
    private static final NameCase[] SORTED_CASE;
    private static final int[] SORTED_SLOT;
    private static final Map<String, Integer> POSITION = new HashMap<>();

    static {
        for (NameCase nameCase : NameCase.values()) {
            for (int slot = 0; slot < NAMES; slot++) {
                RENDERED[nameCase.ordinal()][slot] = render(nameCase, slot);
            }
        }
        String[] all = new String[NameCase.values().length * NAMES];
        for (NameCase nameCase : NameCase.values()) {
            System.arraycopy(RENDERED[nameCase.ordinal()], 0, all, nameCase.ordinal() * NAMES, NAMES);
        }
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> all[a].compareTo(all[b]));
        SORTED = new String[all.length];
        SORTED_CASE = new NameCase[all.length];
        SORTED_SLOT = new int[all.length];
        for (int position = 0; position < order.length; position++) {
            SORTED[position] = all[order[position]];
            SORTED_CASE[position] = NameCase.values()[order[position] / NAMES];
            SORTED_SLOT[position] = order[position] % NAMES;
            if (POSITION.put(SORTED[position], position) != null) {
                throw new IllegalStateException("two slots render as " + SORTED[position]);
            }
        }
    }

    private TableVocabulary() {
    }

    static String name(NameCase nameCase, int slot) {
        return RENDERED[nameCase.ordinal()][slot];
    }

    /** The number of names in the sorted order. */
    static int size() {
        return SORTED.length;
    }

    static NameCase caseAt(int position) {
        return SORTED_CASE[position];
    }

    static int slotAt(int position) {
        return SORTED_SLOT[position];
    }

    static String nameAt(int position) {
        return SORTED[position];
    }

    /** The sorted position of {@code name}, or {@code -(insertion point) - 1} when no slot renders as it. */
    static int position(String name) {
        Integer known = POSITION.get(name);
        return known != null ? known : Arrays.binarySearch(SORTED, name);
    }

    /** The slot rendered as {@code name} in {@code nameCase}, or -1. */
    static int slot(NameCase nameCase, String name) {
        Integer position = POSITION.get(name);
        return position == null || SORTED_CASE[position] != nameCase ? -1 : SORTED_SLOT[position];
    }

    private static String render(NameCase nameCase, int slot) {
        int combination = slot % COMBINATIONS;
        int round = slot / COMBINATIONS;
        String noun = NOUNS[combination / QUALIFIERS.length];
        String qualifier = QUALIFIERS[combination % QUALIFIERS.length];
        String name;
        if (combination % 160 == 37) {
            name = words(nameCase, noun) + " \"" + words(nameCase, "v1.2") + "\"";
        } else if (combination % 40 == 13) {
            name = words(nameCase, noun) + "." + words(nameCase, qualifier.isEmpty() ? "main" : qualifier);
        } else {
            name = words(nameCase, qualifier.isEmpty() ? noun : noun + " " + qualifier);
        }
        return round == 0 ? name : name + "_" + (round + 1);
    }

    /** Words in a case: {@code order_line}, {@code ORDER_LINE}, {@code OrderLine}. */
    static String words(NameCase nameCase, String words) {
        return switch (nameCase) {
            case LOWER -> words.replace(' ', '_');
            case UPPER -> words.replace(' ', '_').toUpperCase(Locale.ROOT);
            case PASCAL -> {
                StringBuilder pascal = new StringBuilder(words.length());
                for (String word : words.split(" ")) {
                    pascal.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                }
                yield pascal.toString();
            }
        };
    }
}
