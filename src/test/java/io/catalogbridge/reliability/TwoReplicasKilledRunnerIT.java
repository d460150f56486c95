package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedSchema;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import io.catalogbridge.reliability.ServiceReplicas.Replica;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two service processes on one PostgreSQL, as replicas behind a load balancer. The replica running a mapping job is
 * killed with SIGKILL in the middle of it; the other takes the job over once the job engine sees the execution dead,
 * and completes it. On the way: the one-job-per-tenant rule holds across replicas, and a changed integration retires
 * the access token cached on the other replica.
 */
class TwoReplicasKilledRunnerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        return replicas.start(name,
                "--catalog-bridge.mapping.targeted-plan-max-queries=0",
                "--catalog-bridge.mapping.progress-interval=0s",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--db-scheduler.polling-interval=1s");
    }

    private static HttpResponse<String> call(Replica replica, String method, String path, String body) {
        return replica.call(method, path, body);
    }

    @Test
    void aJobWhoseReplicaIsKilledIsCompletedByTheOther() throws Exception {
        replicas = new ServiceReplicas();
        JdbcTemplate jdbc = replicas.jdbc();
        // a catalog large and slow enough that the job is still reading it when its runner is killed
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(11, 150_000));
        simulator.faults().latency(Duration.ofMillis(60));

        Replica a = start("replica-a");
        Replica b = start("replica-b");

        assertThat(call(a, "PUT", "/acme/configuration/integrations/alation", "{\"url\": \"" + simulator.baseUrl()
                + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}").statusCode()).isEqualTo(200);
        // one asset in each of 40 schemas, named by data source title and Alation's spelling of the schema
        Map<String, Long> truth = new HashMap<>();
        List<Map<String, Object>> assets = new ArrayList<>();
        for (SimulatedSchema schema : simulator.catalog().schemas().subList(0, 40)) {
            SimulatedTable table = simulator.catalog().tablesInSchema(schema.id()).findFirst().orElseThrow();
            String title = simulator.catalog().dataSource(schema.dsId()).orElseThrow().title();
            assets.add(Map.of("asset_id", "t" + table.id(), "data_source_name", title, "schema", schema.name(),
                    "table", table.name()));
            truth.put("t" + table.id(), table.id());
        }
        assertThat(call(b, "PUT", "/acme/assets", JSON.writeValueAsString(assets)).statusCode()).isEqualTo(200);

        String jobId = JSON.readTree(call(a, "POST", "/acme/configuration/mappings/alation/auto", null).body())
                .get("job_id").asText();
        // the rule holds across replicas: the other one refuses a second job of the tenant
        HttpResponse<String> second = call(b, "POST", "/acme/configuration/mappings/alation/auto", null);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("job_id").asText()).isEqualTo(jobId);

        // wait until one replica is visibly in the middle of it, then kill that one
        String[] runner = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> picked = jdbc.queryForList(
                    "SELECT picked_by FROM scheduled_tasks WHERE task_instance = ? AND picked", jobId);
            Long pages = jdbc.queryForObject("SELECT pages_read FROM mapping_job WHERE job_id = ?::uuid", Long.class, jobId);
            if (picked.isEmpty() || pages == null || pages < 3) {
                return false;
            }
            runner[0] = (String) picked.get(0).get("picked_by");
            return true;
        });
        Replica killed = runner[0].startsWith("replica-a") ? a : b;
        Replica survivor = killed == a ? b : a;
        killed.kill();
        assertThat(killed.process().exitValue()).as("killed with SIGKILL").isEqualTo(137);
        assertThat(jdbc.queryForObject("SELECT status FROM mapping_job WHERE job_id = ?::uuid", String.class, jobId))
                .isEqualTo("IN_PROGRESS");

        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            job[0] = JSON.readTree(call(survivor, "GET", "/acme/configuration/mappings/alation/auto?job_id=" + jobId,
                    null).body());
            return !"IN_PROGRESS".equals(job[0].get("status").asText());
        });
        assertThat(job[0].get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job[0].at("/progress/attempts").asInt()).as("run again after the first runner died").isEqualTo(2);
        assertThat(job[0].at("/summary/mapped").asInt()).isEqualTo(40);
        Map<String, Long> mapped = new HashMap<>();
        jdbc.queryForList("SELECT asset_id, table_id FROM alation_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> mapped.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        assertThat(mapped).isEqualTo(truth);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class,
                jobId)).as("the job engine is done with it").isZero();

        // the survivor caches a token; a change of the integration made elsewhere retires it there too
        Replica other = start(killed.name() + "-restarted");
        String manual = "{\"asset_id\": \"" + assets.get(0).get("asset_id") + "\", \"alation_table_id\": "
                + truth.get((String) assets.get(0).get("asset_id")) + "}";
        assertThat(call(survivor, "POST", "/acme/configuration/mappings/alation", manual).statusCode()).isEqualTo(200);
        long tokens = simulator.stats().tokensIssued();
        assertThat(call(survivor, "POST", "/acme/configuration/mappings/alation", manual).statusCode()).isEqualTo(200);
        assertThat(simulator.stats().tokensIssued()).as("the cached token is reused").isEqualTo(tokens);
        assertThat(call(other, "PUT", "/acme/configuration/integrations/alation?validate=false", "{\"url\": \""
                + simulator.baseUrl() + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}")
                .statusCode()).isEqualTo(200);
        assertThat(call(survivor, "POST", "/acme/configuration/mappings/alation", manual).statusCode()).isEqualTo(200);
        assertThat(simulator.stats().tokensIssued()).as("a new token after the change on another replica")
                .isEqualTo(tokens + 1);
    }
}
