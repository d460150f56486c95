package io.catalogbridge.matching;

import java.util.function.Function;

/**
 * A map from case-folded names ({@link Names#fold}) to values, looked up by a name in any case without folding it
 * first: a name of ASCII characters (the catalogs' names, nearly always) is hashed and compared as if folded, character
 * by character, so the matcher's hot path allocates nothing for the million tables of a full plan; any other name is
 * folded, then looked up. Open addressing, linear probing; not thread-safe.
 *
 * @param <V> the values
 */
final class FoldedIndex<V> {

    private static final int MAX_ASCII = 0x7F;
    /** Marks a name with a character past ASCII: it is folded, then looked up. */
    private static final int NOT_ASCII = Integer.MIN_VALUE;

    private String[] keys;
    private Object[] values;
    /** 32 minus the bits of the capacity (a power of two). */
    private int shift;
    private int size;

    FoldedIndex() {
        this(4);
    }

    FoldedIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    int size() {
        return size;
    }

    /** The value of the name's folded form, or null. */
    @SuppressWarnings("unchecked")
    V get(String name) {
        if (name == null) {
            return null;
        }
        int hash = asciiFoldedHash(name);
        if (hash == NOT_ASCII) {
            return getFolded(Names.fold(name));
        }
        int mask = keys.length - 1;
        for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.hashCode() == hash && equalsFolded(key, name)) {
                return (V) values[slot];
            }
        }
    }

    /** The value of the name's folded form, made by {@code create} (given the folded form) when there is none. */
    @SuppressWarnings("unchecked")
    V computeIfAbsent(String name, Function<String, V> create) {
        String folded = Names.fold(name);
        int slot = slotOf(folded);
        if (keys[slot] != null) {
            return (V) values[slot];
        }
        V value = create.apply(folded);
        keys[slot] = folded;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private V getFolded(String folded) {
        int slot = slotOf(folded);
        return keys[slot] == null ? null : (V) values[slot];
    }

    /** The slot that holds {@code folded}, or the free one where it would go. */
    private int slotOf(String folded) {
        int mask = keys.length - 1;
        int slot = slot(folded.hashCode());
        while (keys[slot] != null && !keys[slot].equals(folded)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** {@code Names.fold(name).hashCode()} for an ASCII name, computed without folding; NOT_ASCII otherwise. */
    static int asciiFoldedHash(String name) {
        int hash = 0;
        for (int i = 0, length = name.length(); i < length; i++) {
            char c = name.charAt(i);
            if (c > MAX_ASCII) {
                return NOT_ASCII;
            }
            hash = 31 * hash + lower(c);
        }
        // an ASCII name whose hash is the mark is looked up folded, as any other: correct, and as rare as 2^-32
        return hash;
    }

    /** Whether the ASCII {@code name}, folded, is {@code folded}. */
    private static boolean equalsFolded(String folded, String name) {
        int length = name.length();
        if (folded.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (folded.charAt(i) != lower(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The slot of a hash: Fibonacci hashing, the hash times 2^32 / phi, its top bits. Names that differ in their last
     * character (orders_1, orders_2) have neighbouring hashes, which taken as they are would fill runs of neighbouring
     * slots, and linear probing would walk those runs.
     */
    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }
}
