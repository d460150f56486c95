package io.catalogbridge.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A stored result as {@code GET /{tenant}/quality/results} answers it: the fields it was posted with (the value in its
 * type's JSON form, {@code column} null for a table-level result), when the bridge received it, and its delivery to
 * every catalog the tenant has configured, by the catalog's id. Nulls are shown, so that every answer has one shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QualityResultView(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("rule_key") String ruleKey,
        @JsonProperty("rule_name") String ruleName,
        @JsonProperty("rule_description") String ruleDescription,
        @JsonProperty("value_type") String valueType,
        @JsonProperty("column") String column,
        @JsonProperty("status") String status,
        @JsonProperty("value") Object value,
        @JsonProperty("url") String url,
        @JsonProperty("measured_at") String measuredAt,
        @JsonProperty("received_at") String receivedAt,
        @JsonProperty("deliveries") Map<String, Delivery> deliveries) {

    /**
     * Where a result stands in one catalog: {@code PENDING} (queued), {@code DELIVERED} (the catalog has it, since
     * {@code deliveredAt}), {@code FAILED} (given up; {@code error} says why) or {@code NOT_MAPPED} (the asset has no
     * table in that catalog). {@code error} is the last failure, also while a retry is pending.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Delivery(
            @JsonProperty("state") String state,
            @JsonProperty("delivered_at") String deliveredAt,
            @JsonProperty("error") String error) {
    }
}
