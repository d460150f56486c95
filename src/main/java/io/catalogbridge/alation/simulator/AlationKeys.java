package io.catalogbridge.alation.simulator;

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
}
