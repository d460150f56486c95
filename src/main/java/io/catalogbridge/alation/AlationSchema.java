package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A schema as {@code GET /integration/v2/schema/} lists it; multipart names ({@code db.schema}) are kept whole. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationSchema(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("ds_id") Long dsId,
        @JsonProperty("key") String key) implements AlationObject {

    @Override
    public String missingField() {
        return id == null ? "id" : name == null ? "name" : dsId == null ? "ds_id" : null;
    }
}
