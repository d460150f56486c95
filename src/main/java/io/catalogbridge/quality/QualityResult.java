package io.catalogbridge.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A quality result as the platform posts it to {@code POST /{tenant}/quality/results}. {@code assetId},
 * {@code ruleKey}, {@code status} ({@code GOOD}, {@code WARNING}, {@code ALERT}) and {@code measuredAt} (ISO-8601 with
 * a zone) are required; {@code valueType} is {@code NUMERIC}, {@code STRING} or {@code BOOLEAN} (default STRING) and
 * {@code value} must fit it; {@code column} names a column for a column-level result, null for the table. Fields are
 * read as sent (text, any JSON value) so that a wrong one is a 400 naming it, not a mapping failure.
 */
public record QualityResult(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("rule_key") String ruleKey,
        @JsonProperty("rule_name") String ruleName,
        @JsonProperty("rule_description") String ruleDescription,
        @JsonProperty("value_type") String valueType,
        @JsonProperty("column") String column,
        @JsonProperty("status") String status,
        @JsonProperty("value") Object value,
        @JsonProperty("url") String url,
        @JsonProperty("measured_at") String measuredAt) {
}
