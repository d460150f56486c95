package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A database service's {@code connection}: {@code {"config": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataServiceConnection(@JsonProperty("config") OpenMetadataConnectionConfig config) {
}
