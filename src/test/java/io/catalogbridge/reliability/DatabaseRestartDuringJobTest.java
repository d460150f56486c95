package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.CatalogBridgeApplication;
import io.catalogbridge.ServiceClient;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedSchema;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL restarted in the middle of a mapping job: health says the database is down while it is, the service
 * recovers without a restart of its own, and the job does not stay IN_PROGRESS (here: it is run again and completes).
 */
class DatabaseRestartDuringJobTest {

    private static final String KEY = "database-restart-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).start();
    }

    private HttpResponse<String> call(int port, String method, String path, String body) {
        return new ServiceClient(port, KEY).call(method, path, body);
    }

    @Test
    void theServiceAndTheJobRecoverFromARestartOfPostgres() throws Exception {
        int pgPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = startPostgres(pgPort);
        try (AlationSimulator simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(3, 100_000));
             ConfigurableApplicationContext service = new SpringApplicationBuilder(CatalogBridgeApplication.class).run(
                     "--server.port=0",
                     "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres",
                     "--spring.datasource.hikari.connection-timeout=1000",
                     "--catalog-bridge.encryption.key=" + Base64.getEncoder().encodeToString(new byte[32]),
                     "--catalog-bridge.security.admin-key=" + KEY,
                     "--catalog-bridge.alation.allow-http=true",
                     "--catalog-bridge.mapping.targeted-plan-max-queries=0",
                     "--catalog-bridge.mapping.progress-interval=0s",
                     "--catalog-bridge.mapping.retry-unrecorded-run-after=1s",
                     "--db-scheduler.heartbeat-interval=1s",
                     "--db-scheduler.missed-heartbeats-limit=4",
                     "--db-scheduler.polling-interval=1s")) {
            simulator.faults().latency(Duration.ofMillis(50));
            int port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
            assertThat(call(port, "PUT", "/acme/configuration/integrations/alation", "{\"url\": \""
                    + simulator.baseUrl() + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}")
                    .statusCode()).isEqualTo(200);
            List<Map<String, Object>> assets = new ArrayList<>();
            for (SimulatedSchema schema : simulator.catalog().schemas().subList(0, 10)) {
                SimulatedTable table = simulator.catalog().tablesInSchema(schema.id()).findFirst().orElseThrow();
                assets.add(Map.of("asset_id", "t" + table.id(), "schema", schema.name(), "table", table.name(),
                        "data_source_name", simulator.catalog().dataSource(schema.dsId()).orElseThrow().title()));
            }
            assertThat(call(port, "PUT", "/acme/assets", JSON.writeValueAsString(assets)).statusCode()).isEqualTo(200);
            String jobId = JSON.readTree(call(port, "POST", "/acme/configuration/mappings/alation/auto", null).body())
                    .get("job_id").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    JSON.readTree(call(port, "GET", "/acme/configuration/mappings/alation/auto?job_id=" + jobId, null)
                            .body()).at("/progress/pages_read").asLong() >= 3);

            postgres.close();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> health = call(port, "GET", "/actuator/health", null);
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(health.body()).at("/components/db/status").asText()).isEqualTo("DOWN");
            });
            HttpResponse<String> meanwhile = call(port, "GET", "/acme/assets", null);
            assertThat(meanwhile.statusCode()).as("a clear error while the database is down").isEqualTo(503);
            assertThat(meanwhile.body()).contains("The database is unavailable");
            assertThat(meanwhile.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

            postgres = startPostgres(pgPort);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> call(port, "GET", "/actuator/health", null).statusCode() == 200);
            JsonNode[] job = new JsonNode[1];
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                job[0] = JSON.readTree(call(port, "GET", "/acme/configuration/mappings/alation/auto?job_id=" + jobId,
                        null).body());
                return job[0].has("status") && !"IN_PROGRESS".equals(job[0].get("status").asText());
            });
            assertThat(job[0].get("status").asText()).isEqualTo("COMPLETED");
            assertThat(job[0].at("/summary/mapped").asInt()).isEqualTo(10);
            assertThat(JSON.readTree(call(port, "GET", "/acme/configuration/mappings/alation", null).body())).hasSize(10);
        } finally {
            postgres.close();
        }
    }
}
