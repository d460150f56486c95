package io.catalogbridge.alation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Reads Alation's reason out of an error answer ({@code {"detail": "...", "code": "401000"}}), tolerating any body. */
@Component("alationErrors")
public class AlationErrors {

    private static final int MAX_REASON = 300;

    private final ObjectMapper objectMapper;

    public AlationErrors(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String reason(String body, Integer status) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode json = objectMapper.readTree(body);
                if (json != null && json.hasNonNull("detail")) {
                    return truncate(json.get("detail").asText());
                }
            } catch (Exception notJson) {
                // an HTML error page or plain text: not worth quoting
            }
        }
        return "HTTP " + status;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
