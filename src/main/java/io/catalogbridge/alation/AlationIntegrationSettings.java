package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tenant's Alation integration as the API shows it: never with its token. */
public record AlationIntegrationSettings(@JsonProperty("url") String url, @JsonProperty("user_id") Long userId) {
}
