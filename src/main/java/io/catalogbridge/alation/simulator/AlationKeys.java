package io.catalogbridge.alation.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alation's object keys: the parts joined by dots, a part that holds a dot or a double quote wrapped in double quotes
 * with inner quotes doubled ({@code 7."HR.2017"."Employees.FullTime"}). That is why a key may never be split on dots.
 */
public final class AlationKeys {

    private AlationKeys() {
    }

    public static String key(long dsId, String... parts) {
        StringBuilder key = new StringBuilder(64).append(dsId);
        for (String part : parts) {
            key.append('.');
            appendQuoted(key, part);
        }
        return key.toString();
    }

    public static String quote(String part) {
        return appendQuoted(new StringBuilder(part.length() + 2), part).toString();
    }

    private static StringBuilder appendQuoted(StringBuilder key, String part) {
        if (part.indexOf('.') < 0 && part.indexOf('"') < 0) {
            return key.append(part);
        }
        return key.append('"').append(part.replace("\"", "\"\"")).append('"');
    }

    /**
     * The parts of a key with their quoting undone ({@code 7."HR.2017".x} gives {@code 7}, {@code HR.2017},
     * {@code x}), or null when the key is not one Alation could have written: an unclosed quote, an empty part, a bare
     * quote in an unquoted part.
     */
    public static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            at = key.startsWith("\"", at) ? readQuoted(key, at + 1, part) : readBare(key, at, part);
            if (at < 0 || part.isEmpty()) {
                return null;
            }
            parts.add(part.toString());
            if (at == key.length()) {
                return parts;
            }
            at++; // the dot between two parts
        }
    }

    /**
     * The key's parts quoted again the way Alation quotes them, lower-cased: two spellings of one key (any case, a
     * part quoted without need) give the same text, which is how Alation compares keys. A malformed key is only
     * lower-cased.
     */
    public static String normalized(String key) {
        List<String> parts = parts(key);
        if (parts == null) {
            return key.toLowerCase(Locale.ROOT);
        }
        StringBuilder joined = new StringBuilder(key.length() + 4);
        for (String part : parts) {
            appendQuoted(joined.isEmpty() ? joined : joined.append('.'), part);
        }
        return joined.toString().toLowerCase(Locale.ROOT);
    }

    /** Reads a quoted part from just after its opening quote; the index after it, or -1 when malformed. */
    private static int readQuoted(String key, int at, StringBuilder part) {
        while (at < key.length()) {
            char c = key.charAt(at);
            if (c != '"') {
                part.append(c);
                at++;
            } else if (key.startsWith("\"\"", at)) {
                part.append('"');
                at += 2;
            } else {
                at++;
                return at == key.length() || key.charAt(at) == '.' ? at : -1;
            }
        }
        return -1;
    }

    private static int readBare(String key, int at, StringBuilder part) {
        int dot = key.indexOf('.', at);
        int end = dot < 0 ? key.length() : dot;
        part.append(key, at, end);
        return part.indexOf("\"") >= 0 ? -1 : end;
    }
}
