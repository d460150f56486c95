package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * OpenMetadata's error body, {@code {"code": 401, "message": "..."}}; the message is what a refusal quotes. A proxy
 * in front of OpenMetadata may answer something else entirely, so both fields may be null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataError(
        @JsonProperty("code") Integer code,
        @JsonProperty("message") String message) {
}
