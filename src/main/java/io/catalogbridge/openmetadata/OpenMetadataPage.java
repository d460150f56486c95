package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a list answer, {@code {"data": [...], "paging": {"after"?, "before"?, "total"}}}. A page without
 * {@code paging} is the last one; {@code data} absent or null reads as empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenMetadataPage<T>(
        @JsonProperty("data") List<T> data,
        @JsonProperty("paging") OpenMetadataPaging paging) {

    public OpenMetadataPage {
        data = data == null ? List.of() : data;
    }

    /** The cursor of the next page, or null on the last one. */
    public String nextCursor() {
        return paging != null && paging.hasNext() ? paging.after() : null;
    }
}
