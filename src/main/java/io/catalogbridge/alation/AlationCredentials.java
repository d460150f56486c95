package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What {@code createAPIAccessToken} takes; {@code url} is the instance's base URL and is not sent. */
public record AlationCredentials(
        @com.fasterxml.jackson.annotation.JsonIgnore String url,
        @JsonProperty("user_id") long userId,
        @JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "AlationCredentials[url=" + url + ", userId=" + userId + ", refreshToken=<redacted>]";
    }
}
