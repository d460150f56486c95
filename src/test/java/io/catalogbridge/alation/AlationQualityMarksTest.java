package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.alation.AlationQualityDelivery.Plan;
import io.catalogbridge.quality.QualityBatch;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an asset's trust flag and rich-text summary are to be, from its results, its table and what was recorded:
 * the rules that decide which calls a batch makes (the calls themselves are AlationTrustFlagsTest's, over HTTP).
 */
class AlationQualityMarksTest {

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final AlationQualityMarks marks = new AlationQualityMarks(objectMapper);
    private final AlationQualityDelivery delivery = new AlationQualityDelivery(objectMapper, "catalog_bridge.",
            Duration.ofMillis(1), Duration.ofSeconds(1));

    private static ClaimedDelivery claimed(String assetId, String deliveredTo) {
        return new ClaimedDelivery("acme", assetId, "freshness", null, "alation", false, 1, 1,
                Instant.parse("2026-12-01T09:00:00Z"), deliveredTo, "Freshness", null, "NUMERIC", "ALERT", 1, null);
    }

    private Plan plan(long tableId, ClaimedDelivery... deliveries) {
        return delivery.plan(new QualityBatch("alation", "acme", List.of(deliveries)),
                List.of(Map.of("asset_id", "a1", "table_id", tableId, "table_key", "1.s.t")));
    }

    private static Map<String, Object> result(String ruleName, String column, String status, String value, String url) {
        Map<String, Object> row = new HashMap<>();
        row.put("asset_id", "a1");
        row.put("rule_key", ruleName.toLowerCase());
        row.put("column_name", column == null ? "" : column);
        row.put("rule_name", ruleName);
        row.put("status", status);
        row.put("value", value);
        row.put("url", url);
        row.put("measured_at", "2026-12-01T09:00:00Z");
        return row;
    }

    private static Map<String, Object> settings(boolean trustFlags, Long field) {
        Map<String, Object> row = new HashMap<>();
        row.put("trust_flags", trustFlags);
        row.put("rich_text_field_id", field);
        return row;
    }

    private static Map<String, Object> recorded(Long flagTable, Long flagId, String reason, Long richTable,
            Long richField, String hash) {
        Map<String, Object> row = new HashMap<>();
        row.put("asset_id", "a1");
        row.put("flag_table_id", flagTable);
        row.put("flag_id", flagId);
        row.put("flag_reason", reason);
        row.put("rich_text_table_id", richTable);
        row.put("rich_text_field_id", richField);
        row.put("rich_text_hash", hash);
        return row;
    }

    @Test
    void theReasonNamesTheAlertingRulesLinkedAndEscaped() {
        String reason = AlationQualityMarks.flagReason(List.of(
                result("Freshness", null, "ALERT", "2", "https://o.example/m?a=1&b=\"2\""),
                result("Rows", null, "GOOD", "9", null),
                result("Not <null>", "amount", "ALERT", "0", null)));

        assertThat(reason).isEqualTo("<p>Catalog Bridge: data quality alerts: <a href=\"https://o.example/m?a=1&amp;"
                + "b=&quot;2&quot;\">Freshness</a>, Not &lt;null&gt; (amount)</p>");
        assertThat(AlationQualityMarks.flagReason(List.of(result("Rows", null, "WARNING", "9", null)))).isNull();
    }

    @Test
    void aStandingFlagWithTheRightReasonOnTheRightTableIsLeftAloneAnyOtherIsReplaced() {
        List<Map<String, Object>> results = List.of(result("Freshness", null, "ALERT", "2", null));
        String reason = AlationQualityMarks.flagReason(results);

        AlationQualityMarks.Marks same = marks.marks(plan(10, claimed("a1", "10")), settings(true, null),
                List.of(recorded(10L, 501L, reason, null, null, null)), results);
        assertThat(same.getFlagSteps()).isEmpty();
        assertThat(same.getRichTextCalls()).isEmpty();

        AlationQualityMarks.Marks moved = marks.marks(plan(11, claimed("a1", "10")), settings(true, null),
                List.of(recorded(10L, 501L, reason, null, null, null)), results);
        assertThat(moved.getFlagSteps()).extracting(s -> s.removal, s -> s.tableId, s -> s.flagId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 10L, 501L),
                        org.assertj.core.groups.Tuple.tuple(false, 11L, null));

        AlationQualityMarks.Marks off = marks.marks(plan(10, claimed("a1", "10")), settings(false, null),
                List.of(recorded(10L, 501L, reason, null, null, null)), results);
        assertThat(off.getFlagSteps()).extracting(s -> s.removal).containsExactly(true);
    }

    @Test
    void anUnchangedSummaryIsNotWrittenAgainAChangedOneIsAndAMoveEmptiesTheOldTable() {
        List<Map<String, Object>> results = List.of(result("Freshness", null, "GOOD", "<b>2</b>", null));
        String summary = AlationQualityMarks.summary(results);
        assertThat(summary).contains("<td>&lt;b&gt;2&lt;/b&gt;</td>").contains("<td>Freshness</td>");

        AlationQualityMarks.Marks unchanged = marks.marks(plan(10, claimed("a1", "10")), settings(false, 7L),
                List.of(recorded(null, null, null, 10L, 7L, AlationQualityMarks.hash(summary))), results);
        assertThat(unchanged.getRichTextCalls()).isEmpty();

        AlationQualityMarks.Marks changed = marks.marks(plan(10, claimed("a1", "10")), settings(false, 7L),
                List.of(recorded(null, null, null, 10L, 7L, "stale")), results);
        assertThat(changed.getRichTextCalls()).hasSize(1);
        assertThat(changed.getRichTextCalls().get(0).getBody()).isEqualTo("[{\"field_id\":7,\"otype\":\"table\","
                + "\"oid\":10,\"value\":" + objectMapper.valueToTree(summary) + "}]");

        AlationQualityMarks.Marks moved = marks.marks(plan(11, claimed("a1", "10")), settings(false, 7L),
                List.of(recorded(null, null, null, 10L, 7L, AlationQualityMarks.hash(summary))), results);
        assertThat(moved.getRichTextCalls().get(0).writes).extracting(w -> w.tableId(), w -> w.value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, ""),
                        org.assertj.core.groups.Tuple.tuple(11L, summary));
    }
}
