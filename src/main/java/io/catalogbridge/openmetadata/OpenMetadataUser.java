package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.UUID;

/**
 * The caller as {@code GET /v1/users/loggedInUser} answers it: the save-time check of a token. Bots and admins see
 * database services' {@code connection}; anyone else gets it as null, so matching falls back to links and names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataUser(
        @JsonProperty("id") @JsonDeserialize(using = UuidOrNull.class) UUID id,
        @JsonProperty("name") String name,
        @JsonProperty("isBot") Boolean isBot,
        @JsonProperty("isAdmin") Boolean isAdmin) {

    /** Whether the token should see services' connections (a bot or an admin); the listing itself has the last word. */
    public boolean seesConnections() {
        return Boolean.TRUE.equals(isBot) || Boolean.TRUE.equals(isAdmin);
    }
}
