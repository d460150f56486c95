package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.DataQualityStore;
import io.catalogbridge.alation.simulator.JobBehaviour;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import io.catalogbridge.alation.simulator.TrustFlags;
import io.catalogbridge.reliability.ServiceReplicas.Replica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quality delivery through a crash: a replica delivering results to Alation is killed with SIGKILL in the middle of
 * it, while Alation throttles and fails now and then, and a new replica starts on the same database (the service
 * restarted) and finishes; then Alation is down for a while and newer results come meanwhile. After each round every
 * result is in Alation in its latest state, once, each alerting table carries one trust flag (none twice), and the
 * queue's rows in PostgreSQL say so.
 */
class QualityDeliveryKilledReplicaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ASSETS = 60;
    private static final String FIELD = "catalog_bridge.freshness";
    private ServiceReplicas replicas;
    private AlationSimulator simulator;

    @AfterEach
    void stopEverything() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private Replica start(String name) throws Exception {
        // small batches, a short lease and short backoffs, so that a killed replica's claims come due again soon
        return replicas.start(name,
                "--catalog-bridge.quality.delivery.poll-interval=200ms",
                "--catalog-bridge.quality.delivery.batch-size=10",
                "--catalog-bridge.quality.delivery.lease=10s",
                "--catalog-bridge.quality.delivery.retry-initial-delay=1s",
                "--catalog-bridge.quality.delivery.retry-max-delay=3s",
                "--catalog-bridge.alation.quality.job-poll-interval=200ms");
    }

    private static String results(List<SimulatedTable> tables, String measuredAt, int round) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            results.add(Map.of("asset_id", "t" + tables.get(i).id(), "rule_key", "freshness", "rule_name", "Freshness",
                    "value_type", "NUMERIC", "status", (i + round) % 3 == 0 ? "ALERT" : "GOOD",
                    "value", round * 1000 + i, "measured_at", measuredAt));
        }
        return JSON.writeValueAsString(results);
    }

    private static void awaitDelivered(JdbcTemplate jdbc, String measuredAt) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE state = 'DELIVERED'"
                        + " AND delivered_measured_at = CAST(? AS TIMESTAMPTZ)", Integer.class, measuredAt) == ASSETS);
    }

    /**
     * Alation holds round {@code round}'s value of every asset, once, and one trust flag of the bridge's user on each
     * table whose result alerts, none on the others; the queue's rows say each result is delivered to its table.
     */
    private void assertValuesAndFlags(List<SimulatedTable> tables, JdbcTemplate jdbc, int round) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT state, removal, error FROM quality_delivery");
        assertThat(rows).hasSize(ASSETS).allSatisfy(row -> assertThat(row).containsEntry("state", "DELIVERED")
                .containsEntry("removal", false).containsEntry("error", null));
        for (int i = 0; i < tables.size(); i++) {
            SimulatedTable table = tables.get(i);
            boolean alert = (i + round) % 3 == 0;
            DataQualityStore.Value value = simulator.quality().dataQuality().value(FIELD, table.key())
                    .orElseThrow(() -> new AssertionError("Alation has no value on " + table.key()));
            // a whole number reaches Alation as an integer (2006, not 2.006E+3)
            assertThat(value.value()).as(table.key()).isEqualTo(round * 1000 + i);
            assertThat(value.status()).isEqualTo(alert ? "ALERT" : "GOOD");
            assertThat(jdbc.queryForObject("SELECT delivered_to FROM quality_delivery WHERE asset_id = ?",
                    String.class, "t" + table.id())).isEqualTo(Long.toString(table.id()));
            List<TrustFlags.Flag> flags = simulator.quality().flags().on(table.id());
            assertThat(flags).as("flags on " + table.key() + " in round " + round).hasSize(alert ? 1 : 0)
                    .allSatisfy(flag -> assertThat(flag.userId()).isEqualTo(1));
        }
        assertThat(simulator.quality().dataQuality().valueCount()).as("one value per asset, none twice")
                .isEqualTo(ASSETS);
    }

    @Test
    void everyResultReachesAlationInItsLatestStateThroughAKilledReplicaAnOutageAndARestart() throws Exception {
        replicas = new ServiceReplicas();
        JdbcTemplate jdbc = replicas.jdbc();
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(7, 2_000));
        // each bulk job runs for a few polls, so that a delivery is still in flight when its replica is killed
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withRunningPolls(3));
        simulator.faults().latency(Duration.ofMillis(20));

        Replica first = start("replica-a");
        assertThat(first.call("PUT", "/acme/configuration/integrations/alation", "{\"url\": \"" + simulator.baseUrl()
                + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}").statusCode()).isEqualTo(200);
        // Alation compares object keys ignoring case: tables whose keys differ only in case share their values
        Set<String> keys = new HashSet<>();
        List<SimulatedTable> tables = simulator.catalog().tables().filter(t -> keys.add(t.key().toLowerCase(Locale.ROOT)))
                .limit(ASSETS).toList();
        List<Map<String, Object>> assets = new ArrayList<>();
        tables.forEach(t -> assets.add(Map.of("asset_id", "t" + t.id(), "schema", t.schemaName(), "table", t.name())));
        assertThat(first.call("PUT", "/acme/assets", JSON.writeValueAsString(assets)).statusCode()).isEqualTo(200);
        for (SimulatedTable table : tables) {
            assertThat(first.call("POST", "/acme/configuration/mappings/alation", "{\"asset_id\": \"t" + table.id()
                    + "\", \"alation_table_id\": " + table.id() + "}").statusCode()).isEqualTo(200);
        }
        // Alation throttles every 7th request and fails two in a row every 11th while the first round goes
        simulator.faults().throttle(7, 0).bursts(11, 2);

        assertThat(first.call("POST", "/acme/quality/results", results(tables, "2026-12-01T09:00:00Z", 1))
                .statusCode()).isEqualTo(202);

        // kill the replica once Alation has some of the values and a delivery is on its way
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                simulator.quality().dataQuality().valueCount() >= 10
                        && jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE state = 'PENDING'"
                                + " AND attempts > 0", Integer.class) > 0);
        first.kill();
        assertThat(first.process().exitValue()).as("killed with SIGKILL").isEqualTo(137);
        int pendingAtKill = jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE state = 'PENDING'",
                Integer.class);
        assertThat(pendingAtKill).as("the kill left deliveries undone").isPositive();

        // the service comes back (a new replica on the same database): it finishes the first round, the killed
        // replica's leased deliveries once their lease ran out, and never makes a second flag for a table
        Replica second = start("replica-b");
        awaitDelivered(jdbc, "2026-12-01T09:00:00Z");
        assertValuesAndFlags(tables, jdbc, 1);

        // Alation is down (every request, token requests too, answers its load balancer's 503) while newer results come
        simulator.faults().clear().down(true);
        simulator.resetStats();
        assertThat(second.call("POST", "/acme/quality/results", results(tables, "2026-12-01T10:00:00Z", 2))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM quality_delivery"
                + " WHERE state = 'PENDING' AND error IS NOT NULL AND attempts > 0", Integer.class) > 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE state <> 'PENDING'",
                Integer.class)).as("nothing of round 2 is delivered while Alation is down").isZero();
        assertThat(simulator.stats().byStatus()).containsOnlyKeys(503);
        // Alation is back, still throttling now and then
        simulator.faults().down(false).throttle(5, 0);

        awaitDelivered(jdbc, "2026-12-01T10:00:00Z");
        assertValuesAndFlags(tables, jdbc, 2);
        assertThat(simulator.stats().byStatus()).containsKeys(429, 503);
    }
}
