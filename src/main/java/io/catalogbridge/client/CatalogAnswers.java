package io.catalogbridge.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What is wrong with a catalog's answer that cannot be read, in words a user can act on: never Jackson's own
 * message, which names Java classes. Every wing's reading of answers and pages says it this way.
 */
public final class CatalogAnswers {

    private CatalogAnswers() {
    }

    /** Whether a Content-Type says JSON; an absent one is given the benefit of the doubt by callers that allow it. */
    public static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /** "not JSON but 'text/html'". */
    public static String notJson(String contentType) {
        return "not JSON but '" + (contentType == null || contentType.isEmpty() ? "no content type" : contentType) + "'";
    }

    /** "truncated or malformed JSON (at line 1, column 40)", "a wrong type at .token_expires_at", ... */
    public static String problem(JsonProcessingException e, String expected) {
        if (e instanceof MismatchedInputException m) {
            return m.getPath().isEmpty() ? "not " + expected : "a wrong type at " + where(m);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "an unreadable value at " + where(m);
        }
        return malformed(e);
    }

    /** "truncated or malformed JSON (at line 1, column 40)": JSON that does not parse, where the parser stopped. */
    public static String malformed(JsonProcessingException e) {
        return "truncated or malformed JSON" + (e.getLocation() == null ? ""
                : " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }

    /** The JSON path of a mapping failure: {@code [0].id}, {@code .token_expires_at}, {@code .service.name}. */
    public static String where(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
    }
}
