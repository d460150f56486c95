package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A trust flag as {@code GET /integration/flag/?oid=&otype=table} lists it (and {@code POST /integration/flag/}
 * answers it); only the fields the bridge uses. {@code flag_reason} comes back as HTML ({@code <p>...</p>}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlationFlag(
        @JsonProperty("id") Long id,
        @JsonProperty("flag_type") @JsonDeserialize(using = TextOrNull.class) String flagType,
        @JsonProperty("flag_reason") @JsonDeserialize(using = TextOrNull.class) String flagReason,
        @JsonProperty("user") User user) implements AlationObject {

    /** The flag's author: only that user (or an admin) may delete it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(@JsonProperty("id") Long id) {
    }

    /** The id of the user who created the flag, null when Alation did not say. */
    public Long userId() {
        return user == null ? null : user.id();
    }

    @Override
    public String missingField() {
        return id == null ? "id" : null;
    }
}
