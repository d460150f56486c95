package io.catalogbridge.alation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a tenant's quality results go to Alation (the integration's {@code quality} object, always shown with its
 * defaults): {@code push} delivers them at all; {@code trust_flags} puts a WARNING flag on a table while one of its
 * asset's results is ALERT; {@code rich_text_field_id}, when set, is the rich-text custom field of tables that gets
 * an HTML summary of the asset's results.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlationQualitySettings(
        @JsonProperty("push") boolean push,
        @JsonProperty("trust_flags") boolean trustFlags,
        @JsonProperty("rich_text_field_id") Long richTextFieldId) {

    public static final AlationQualitySettings DEFAULTS = new AlationQualitySettings(true, true, null);
}
