package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorJson;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code POST /integration/v1/createAPIAccessToken/}: a refresh token and user id, as JSON or form-encoded, for a new
 * access token (201), or 401 when the pair is not a configured one (or the refresh token expired or was revoked).
 * {@code POST /integration/v1/validateRefreshToken/}: the same body, answered with the refresh token's object (200,
 * {@code token_status} ACTIVE or EXPIRED), or 401 when the pair is not a configured one or was revoked.
 */
final class TokenEndpoint {

    /** Alation's timestamps: UTC, microseconds, a literal Z ({@code 2023-05-20T15:16:10.222161Z}). */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final AccessTokens tokens;
    private final SimulatorStats stats;

    TokenEndpoint(AccessTokens tokens, SimulatorStats stats) {
        this.tokens = tokens;
        this.stats = stats;
    }

    Reply validate(String contentType, byte[] body) {
        return answer(contentType, body, (userId, refreshToken) -> tokens.refreshToken(userId, refreshToken)
                .map(token -> Reply.json(200, json -> {
                    json.writeStartObject();
                    json.writeStringField("name", "catalog-bridge");
                    // Alation's refresh-token object carries the token itself: a client must never show it
                    json.writeStringField("refresh_token", token.value());
                    json.writeNumberField("user_id", token.userId());
                    json.writeStringField("created_at", TIMESTAMP.format(token.createdAt()));
                    json.writeStringField("token_expires_at", TIMESTAMP.format(token.expiresAt()));
                    json.writeStringField("token_status", token.expired() ? "EXPIRED" : "ACTIVE");
                    json.writeEndObject();
                })));
    }

    Reply mint(String contentType, byte[] body) {
        return answer(contentType, body, (userId, refreshToken) -> tokens.mint(userId, refreshToken).map(token -> {
            stats.tokenIssued();
            return Reply.json(201, json -> {
                json.writeStartObject();
                json.writeStringField("api_access_token", token.value());
                json.writeNumberField("user_id", token.userId());
                json.writeStringField("created_at", TIMESTAMP.format(token.createdAt()));
                json.writeStringField("token_expires_at", TIMESTAMP.format(token.expiresAt()));
                json.writeStringField("token_status", "ACTIVE");
                json.writeEndObject();
            });
        }));
    }

    /**
     * Reads the user id and refresh token of a token call's body and answers what {@code answer} makes of them: 400
     * for a body that cannot be read, 401 when there is no user id or {@code answer} finds nothing.
     */
    private static Reply answer(String contentType, byte[] body, BiFunction<Long, String, Optional<Reply>> answer) {
        Map<String, String> fields;
        try {
            fields = fields(contentType, body);
        } catch (IOException | QueryParameters.BadRequest malformed) {
            return Reply.error(400, "JSON parse error - " + malformed.getMessage(), "400000", Map.of());
        }
        Long userId = userId(fields.get("user_id"));
        Optional<Reply> reply = userId == null ? Optional.empty() : answer.apply(userId, fields.get("refresh_token"));
        return reply.orElseGet(() -> Reply.error(401, "Refresh token provided is invalid."));
    }

    private static Map<String, String> fields(String contentType, byte[] body) throws IOException {
        return isForm(contentType, body) ? formFields(body) : jsonFields(body);
    }

    private static boolean isForm(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return !text.startsWith("{");
    }

    private static Map<String, String> formFields(byte[] body) {
        QueryParameters form = QueryParameters.parse(new String(body, StandardCharsets.UTF_8).strip());
        Map<String, String> fields = new HashMap<>();
        for (String name : new String[] {"user_id", "refresh_token"}) {
            if (form.text(name) != null) {
                fields.put(name, form.text(name));
            }
        }
        return fields;
    }

    /** The top-level scalar fields of a JSON object; nested values are skipped. */
    private static Map<String, String> jsonFields(byte[] body) throws IOException {
        Map<String, String> fields = new HashMap<>();
        SimulatorJson.readFields(body, (name, token, value) -> {
            if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                // "user_id": 1.5 is no user id, not user 1
                fields.put(name, token == JsonToken.VALUE_NUMBER_FLOAT ? "not an integer" : value.getText());
            } else {
                value.skipChildren();
            }
        });
        return fields;
    }

    private static Long userId(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
