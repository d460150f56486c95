package io.catalogbridge.api;

import java.util.List;

/**
 * The one rule for every text the API accepts, in bodies and query parameters alike: it must be text PostgreSQL can
 * store as it was sent.
 * <ul>
 *   <li>U+0000 is refused: PostgreSQL cannot store it in {@code text} at all (the insert fails);</li>
 *   <li>the other C0 control characters (U+0001 to U+001F) are refused too, except tab, line feed and carriage
 *       return: they are no part of a name, an id or a URL, and only ever arrive by mistake or by attack (escape
 *       sequences into logs and terminals);</li>
 *   <li>an unpaired surrogate ({@code "\ud800"} in JSON) is refused: it is no character, UTF-8 cannot encode it and
 *       the driver would silently store {@code ?} instead.</li>
 * </ul>
 * DEL (U+007F) and the C1 controls are stored as sent: PostgreSQL keeps them and they harm nothing stored.
 */
public final class TextFields {

    private TextFields() {
    }

    /** Why the text may not be stored, or null when it may (null itself is not judged here). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "may not contain the control character " + codePoint(c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "may not contain an unpaired surrogate (" + codePoint(c) + ")";
            }
        }
        return null;
    }

    /** Adds an error naming the field when its text may not be stored; answers whether it may. */
    public static boolean check(String field, String text, List<Problem.FieldError> errors) {
        String problem = problem(text);
        if (problem != null) {
            errors.add(new Problem.FieldError(field, problem));
        }
        return problem == null;
    }

    /**
     * Adds {@code is required} when the text is null or blank, else an error as {@link #check} does; answers whether
     * the text is there and may be stored.
     */
    public static boolean checkRequired(String field, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return false;
        }
        return check(field, text, errors);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
