package io.catalogbridge.api;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads query parameters for the pipelines: a bad value is a 400 naming the parameter, never a 500. */
@Component("queryParameters")
public class QueryParameters {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public int integer(String name, Object value, int defaultValue, int min, int max) {
        if (value == null || value.toString().isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.toString());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw invalid(name, "must be an integer from " + min + " to " + max);
    }

    public boolean bool(String name, Object value, boolean defaultValue) {
        if (value == null || value.toString().isEmpty()) {
            return defaultValue;
        }
        return switch (value.toString().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    public String required(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw invalid(name, "is required");
        }
        String problem = TextFields.problem(value.toString());
        if (problem != null) {
            throw invalid(name, problem);
        }
        return value.toString();
    }

    public String uuid(String name, Object value) {
        String text = required(name, value);
        if (!UUID.matcher(text).matches()) {
            throw invalid(name, "must be a UUID");
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a flag-like parameter that takes one word is given: absent (or empty) is false, that word true. */
    public boolean word(String name, Object value, String word) {
        if (value == null || value.toString().isEmpty()) {
            return false;
        }
        if (!word.equals(value.toString())) {
            throw invalid(name, "must be '" + word + "'");
        }
        return true;
    }

    private static ProblemException invalid(String name, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Query parameter '" + name + "' " + detail,
                List.of(new Problem.FieldError(name, detail)));
    }
}
