package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * What the bridge reads of Alation's answer to {@code validateRefreshToken}: the refresh token object's status
 * ({@code ACTIVE}, {@code EXPIRED}, ...) and expiry. The object holds the token too: it is never read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationRefreshTokenStatus(
        @JsonProperty("token_status") String tokenStatus,
        @JsonProperty("token_expires_at") @JsonDeserialize(using = AlationTimestamp.class) Instant tokenExpiresAt,
        @JsonProperty("status") String status) {
}
