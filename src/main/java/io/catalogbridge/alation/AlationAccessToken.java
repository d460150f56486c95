package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/** Alation's answer to {@code createAPIAccessToken}. A 2xx without a token, or with status "failed", is a refusal. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationAccessToken(
        @JsonProperty("api_access_token") String apiAccessToken,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("token_expires_at") @JsonDeserialize(using = AlationTimestamp.class) Instant tokenExpiresAt,
        @JsonProperty("token_status") String tokenStatus,
        @JsonProperty("status") String status) {

    public boolean isUsable() {
        return apiAccessToken != null && !apiAccessToken.isBlank() && !"failed".equalsIgnoreCase(status);
    }

    @Override
    public String toString() {
        return "AlationAccessToken[userId=" + userId + ", tokenExpiresAt=" + tokenExpiresAt + ", apiAccessToken=<redacted>]";
    }
}
