package io.catalogbridge.alation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads Alation's reason out of an error answer, tolerating any body: Alation's own
 * {@code {"detail": "...", "code": "401000"}}, an OAuth-style {@code {"error": "invalid_token",
 * "error_description": "..."}} (cloud-native instances, gateways), {@code msg}, {@code message} or {@code Message}
 * (other APIs of Alation's), or a list of messages. What Alation said is quoted, never replaced by a guess.
 */
@Component("alationErrors")
public class AlationErrors {

    private static final int MAX_REASON = 300;
    /** Fields that hold the reason, the most specific first. */
    private static final List<String> REASON_FIELDS = List.of("detail", "error_description", "msg", "message",
            "Message", "error", "title");

    private final ObjectMapper objectMapper;

    public AlationErrors(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String reason(String body, Integer status) {
        String said = said(body);
        return said != null ? said : "HTTP " + status;
    }

    /**
     * Whether Alation says it did not take the credentials at all (401, Django REST framework's "Authentication
     * credentials were not provided.", an OAuth {@code invalid_token}), as opposed to a permission the user lacks.
     */
    public boolean saysNotAuthenticated(String body, int status) {
        if (status == 401) {
            return true;
        }
        JsonNode json = json(body);
        String error = json == null ? "" : json.path("error").asText("").toLowerCase(Locale.ROOT);
        if (error.equals("invalid_token") || error.equals("invalid_client") || error.equals("unauthorized")) {
            return true;
        }
        String said = String.valueOf(said(body)).toLowerCase(Locale.ROOT);
        return said.contains("credentials were not provided") || said.contains("not authenticated")
                || said.contains("invalid token") || said.contains("token is invalid") || said.contains("token expired")
                || said.contains("token has expired");
    }

    /** What Alation said, or null when the body says nothing readable (an HTML error page, plain text, nothing). */
    private String said(String body) {
        JsonNode json = json(body);
        if (json == null) {
            return null;
        }
        if (json.isArray() && !json.isEmpty() && json.get(0).isTextual()) {
            return truncate(json.get(0).asText());
        }
        String error = text(json.get("error"));
        String description = text(json.get("error_description"));
        if (json.get("detail") == null && error != null && description != null) {
            return truncate(error + ": " + description);
        }
        for (String field : REASON_FIELDS) {
            String text = text(json.get(field));
            if (text != null) {
                return truncate(text);
            }
        }
        return null;
    }

    private JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return objectMapper.readTree(body);
        } catch (Exception notJson) {
            // an HTML error page or plain text: not worth quoting
            return null;
        }
    }

    /** A field's text: a string as is, a structure (a validation error's field map) as compact JSON. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.isBlank() ? null : text;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
