package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.alation.simulator.SimulatedTable;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A quality delivery that Alation cannot take because the mapped table is gone marks the mapping stale: the
 * delivery fails, and the mapping shows GONE in {@code ?state=stale} and in the status until it is verified or set
 * again.
 */
class AlationQualityStaleMappingTest extends AlationQualityTestSupport {

    @BeforeEach
    void noDrift() {
        simulator.drift().reset();
    }

    @Test
    void aDeliveryToADroppedTableMarksTheMappingGone() {
        SimulatedTable dropped = table(40);
        SimulatedTable kept = table(41);
        registerAndMap("a1", dropped);
        registerAndMap("a2", kept);
        simulator.drift().drop(dropped.id());

        post(QualityFixtures.result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z"),
                QualityFixtures.result("a2", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z"));

        JsonNode failed = awaitState("a1", "freshness", null, "FAILED");
        assertThat(failed.get("error").asText()).contains("Alation could not resolve object key " + dropped.key());
        awaitState("a2", "freshness", null, "DELIVERED");
        Map<String, Object> state = jdbc.queryForMap("SELECT table_id, state, reason, job_id FROM mapping_state"
                + " WHERE tenant_id = 'acme' AND catalog = 'alation' AND asset_id = 'a1'");
        assertThat(state.get("table_id")).isEqualTo(Long.toString(dropped.id()));
        assertThat(state.get("state")).isEqualTo("GONE");
        assertThat((String) state.get("reason")).isEqualTo(failed.get("error").asText());
        assertThat(state.get("job_id")).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_state WHERE asset_id = 'a2'", Integer.class))
                .isZero();

        Answer stale = get("/acme/configuration/mappings/alation?state=stale", ALL_TENANTS_KEY);
        assertThat(stale.json().findValuesAsText("asset_id")).containsExactly("a1");
        assertThat(stale.json().at("/0/state").asText()).isEqualTo("GONE");
        Answer status = get(INTEGRATION + "/status", ALL_TENANTS_KEY);
        assertThat(status.json().get("stale_mappings").asInt()).isEqualTo(1);

        // mapped again elsewhere, the finding no longer holds for it
        map("a1", kept);
        assertThat(get("/acme/configuration/mappings/alation?state=stale", ALL_TENANTS_KEY).json()).isEmpty();
    }
}
