package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code PUT /{tenant}/configuration/integrations/alation}. */
public record AlationIntegrationRequest(
        @JsonProperty("url") String url,
        @JsonProperty("user_id") Long userId,
        @JsonProperty("refresh_api_token") String refreshApiToken) {

    /** What may be shown of the request: the token stays out of logs and answers. */
    public AlationIntegrationSettings settings() {
        return new AlationIntegrationSettings(url, userId);
    }

    @Override
    public String toString() {
        return "AlationIntegrationRequest[url=" + url + ", userId=" + userId + ", refreshApiToken=<redacted>]";
    }
}
