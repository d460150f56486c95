package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.alation.simulator.BulkJobs;
import io.catalogbridge.alation.simulator.JobBehaviour;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorEndpoint;
import io.catalogbridge.alation.simulator.WriteSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rich-text summary over HTTP: with the integration's {@code rich_text_field_id}, the field of an asset's table
 * holds an HTML summary of all its results, written through the async custom-field API with both of the
 * cloud-native Alation's jobs followed; emptied on the old table when the asset moves; a failed job is retried.
 */
class AlationRichTextTest extends AlationQualityTestSupport {

    private static final long FIELD = WriteSettings.DEFAULT_RICH_TEXT_FIELD;

    private static Optional<String> summaryOn(SimulatedTable table) {
        return simulator.quality().customFields().value(FIELD, table.id());
    }

    @Test
    void theSummaryIsWrittenWithBothJobsFollowedAndEmptiedWhenTheAssetMoves() {
        integrate("{\"rich_text_field_id\": " + FIELD + "}");
        SimulatedTable before = table(40);
        SimulatedTable after = table(41);
        registerAndMap("a1", before);

        post(QualityFixtures.withUrl(QualityFixtures.result("a1", "freshness", null, "ALERT", "NUMERIC", "26.5",
                        "2026-12-01T09:00:00Z"), "https://observability.example.com/m?id=1&x=2"),
                QualityFixtures.result("a1", "pattern", "note", "WARNING", "STRING", "\"<script>alert(1)</script>\"",
                        "2026-12-01T09:30:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> summaryOn(before).isPresent());
        String summary = summaryOn(before).orElseThrow();
        assertThat(summary).contains("<a href=\"https://observability.example.com/m?id=1&amp;x=2\">"
                + "Rule freshness</a>").contains("<td>ALERT</td>").contains("<td>26.5</td>")
                .contains("<td>2026-12-01T09:00:00Z</td>").contains("Rule pattern (note)")
                .contains("<td>WARNING</td>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        // cloud-native: the first job names a second, which does the write; both were polled to their end
        assertThat(simulator.quality().jobs().all()).filteredOn(j -> j.kind().startsWith("custom-field"))
                .extracting(BulkJobs.JobState::kind, BulkJobs.JobState::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("custom-field-value", BulkJobs.SUCCESSFUL),
                        org.assertj.core.groups.Tuple.tuple("custom-field-value-write", BulkJobs.SUCCESSFUL));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT rich_text_table_id FROM"
                + " alation_quality_asset WHERE asset_id = 'a1'", Long.class) == before.id());
        awaitQueueSettled();
        long writes = simulator.stats().count(SimulatorEndpoint.CUSTOM_FIELD_ASYNC, 202);
        long valueCalls = simulator.stats().count(SimulatorEndpoint.DATA_QUALITY, 202);

        // delivered again (at least once), the same results: the values are posted again, the unchanged summary not
        jdbc.update("UPDATE quality_delivery SET state = 'PENDING', version = version + 1, next_attempt_at = now()"
                + " WHERE asset_id = 'a1' AND rule_key = 'freshness'");
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().count(SimulatorEndpoint.DATA_QUALITY, 202)
                > valueCalls);
        awaitQueueSettled();
        assertThat(simulator.stats().count(SimulatorEndpoint.CUSTOM_FIELD_ASYNC, 202)).isEqualTo(writes);

        map("a1", after);
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryOn(after).isPresent()
                && summaryOn(before).orElseThrow().isEmpty());
        assertThat(summaryOn(after).orElseThrow()).isEqualTo(summary);
        // recorded once the write's jobs have ended, a moment after the simulator has the value
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT rich_text_table_id FROM"
                + " alation_quality_asset WHERE asset_id = 'a1'", Long.class) == after.id());
    }

    @Test
    void aFailedCustomFieldJobIsRetriedUntilTheSummaryIsWritten() {
        integrate("{\"rich_text_field_id\": " + FIELD + "}");
        SimulatedTable table = table(42);
        registerAndMap("a1", table);
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withOutcome(JobBehaviour.Outcome.FAIL));

        post(QualityFixtures.result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !delivery("a1", "freshness", null).get("error").isNull());
        assertThat(delivery("a1", "freshness", null).get("state").asText()).isEqualTo("PENDING");
        assertThat(summaryOn(table)).isEmpty();
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT);

        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(summaryOn(table)).as(simulator.stats().byStatus() + " " + simulator.quality().jobs().all())
                .isPresent();
        assertThat(summaryOn(table).orElseThrow()).contains("Rule freshness").contains("<td>GOOD</td>");
    }

    @Test
    void aDeletedAssetHasItsSummaryEmptied() {
        integrate("{\"rich_text_field_id\": " + FIELD + "}");
        SimulatedTable table = table(43);
        registerAndMap("a1", table);
        post(QualityFixtures.result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> summaryOn(table).isPresent());

        assertThat(delete("/acme/assets?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> summaryOn(table).orElseThrow().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM alation_quality_asset", Long.class) == 0);
    }
}
