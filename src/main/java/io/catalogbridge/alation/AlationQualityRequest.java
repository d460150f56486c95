package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional {@code quality} object of the integration's body, as sent: {@code {"push": true, "trust_flags": true,
 * "rich_text_field_id": null}} (each optional, those the defaults). A class rather than a record so that keys it does
 * not know are kept ({@link #unknownKeys()}) and refused by {@link AlationIntegrations#validate}, not dropped.
 */
public final class AlationQualityRequest {

    @JsonProperty("push")
    private Boolean push;

    @JsonProperty("trust_flags")
    private Boolean trustFlags;

    @JsonProperty("rich_text_field_id")
    private Long richTextFieldId;

    private final List<String> unknownKeys = new ArrayList<>();

    public AlationQualityRequest() {
    }

    public AlationQualityRequest(Boolean push, Boolean trustFlags, Long richTextFieldId) {
        this.push = push;
        this.trustFlags = trustFlags;
        this.richTextFieldId = richTextFieldId;
    }

    public Boolean getPush() {
        return push;
    }

    public Boolean getTrustFlags() {
        return trustFlags;
    }

    public Long getRichTextFieldId() {
        return richTextFieldId;
    }

    @JsonAnySetter
    void unknown(String key, Object value) {
        unknownKeys.add(key);
    }

    @Override
    public String toString() {
        return "AlationQualityRequest[push=" + push + ", trustFlags=" + trustFlags + ", richTextFieldId="
                + richTextFieldId + ", unknownKeys=" + unknownKeys + "]";
    }

    /** The keys of the object that are none of the settings. */
    @JsonIgnore
    public List<String> unknownKeys() {
        return List.copyOf(unknownKeys);
    }
}
