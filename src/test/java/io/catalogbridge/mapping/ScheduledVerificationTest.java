package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.alation.simulator.SimulatedTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code catalog-bridge.alation.verify-schedule}: the job engine verifies every tenant's Alation mappings on the
 * schedule, without repair, as jobs of kind verify; and the schedules of several catalogs as one.
 */
@TestPropertySource(properties = "catalog-bridge.alation.verify-schedule=*/2 * * * * *")
class ScheduledVerificationTest extends AlationSimulatorMappingSupport {

    @Test
    void theScheduleVerifiesTheTenantsMappingsWithoutRepair() {
        List<SimulatedTable> tables = uniquelyNamedTables(2);
        registerAssets(List.of(assetOf("kept", tables.get(0)), assetOf("dropped", tables.get(1))));
        map("kept", tables.get(0));
        map("dropped", tables.get(1));
        simulator.drift().drop(tables.get(1).id());

        // a sweep may have run while the assets were being mapped: wait for one that saw the drop
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM mapping_job WHERE tenant_id = 'acme' AND kind = 'verify' AND gone = 1",
                Integer.class) > 0);

        Map<String, Object> job = jdbc.queryForMap("SELECT kind, repair, status, gone, ok FROM mapping_job"
                + " WHERE tenant_id = 'acme' AND kind = 'verify' AND gone = 1 ORDER BY created_at LIMIT 1");
        assertThat(job).isEqualTo(Map.of("kind", "verify", "repair", false, "status", "COMPLETED", "gone", 1, "ok", 1));
        assertThat(jdbc.queryForObject("SELECT state FROM mapping_state WHERE asset_id = 'dropped'", String.class))
                .isEqualTo("GONE");
        // reported, not repaired: the mapping stays until a repair or a person removes it
        assertThat(mappedTableIds()).containsOnlyKeys("kept", "dropped");
    }

    @Test
    void theSchedulesOfSeveralCatalogsAreOneWhoseNextTimeIsTheSoonest() {
        VerificationScheduleConfiguration.CatalogSchedules schedules =
                new VerificationScheduleConfiguration.CatalogSchedules(Map.of(
                        "hourly", CronExpression.parse("0 0 * * * *"),
                        "daily", CronExpression.parse("0 30 2 * * *")), ZoneOffset.UTC);
        Instant night = Instant.parse("2026-12-01T02:10:00Z");

        assertThat(schedules.next(night)).isEqualTo(Instant.parse("2026-12-01T02:30:00Z"));
        assertThat(schedules.dueAt(Instant.parse("2026-12-01T02:30:00Z"))).containsExactly("daily");
        assertThat(schedules.next(Instant.parse("2026-12-01T02:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        assertThat(schedules.dueAt(Instant.parse("2026-12-01T03:00:00Z"))).containsExactly("hourly");
        assertThat(schedules.isDisabled()).isFalse();
        assertThat(new VerificationScheduleConfiguration.CatalogSchedules(Map.of(), ZoneOffset.UTC).isDisabled())
                .isTrue();
    }
}
