package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code paging} of a list answer. The cursors are opaque (Base64 of the last row's name and id): the bridge
 * passes {@code after} back as it came and stops when it is absent. {@code total} is recounted on every page, so it
 * is a figure for reports, never a loop bound.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataPaging(
        @JsonProperty("after") String after,
        @JsonProperty("before") String before,
        @JsonProperty("total") Long total) {

    /** Whether another page follows: an {@code after} cursor that is present and not blank. */
    public boolean hasNext() {
        return after != null && !after.isBlank();
    }
}
