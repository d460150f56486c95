package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AutoMappingJobTest extends ApiTestSupport {

    private static final String AUTO = "/acme/configuration/mappings/alation/auto";

    @Autowired
    SchedulerClient scheduler;

    @BeforeEach
    void registerAssetsAndIntegration() {
        jdbc.update("DELETE FROM scheduled_tasks");
        AlationCatalogStubs.stubCatalog(alation);
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\","
                        + " \"data_source_links\": [{\"data_source_name\": \"warehouse\", \"alation_data_source_id\": 2}]}")
                .status()).isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "a1", "data_source_type": "sqlserver", "host": "mssql.example.com",
                  "database": "adventureworks", "schema": "SalesLT", "table": "CustomerAddress"},
                 {"asset_id": "a2", "data_source_name": "Sales PG", "schema": "public", "table": "orders"},
                 {"asset_id": "amb", "schema": "public", "table": "events"},
                 {"asset_id": "lnk", "data_source_name": "warehouse", "schema": "public", "table": "orders"},
                 {"asset_id": "none", "schema": "public", "table": "missing"}]""").status()).isEqualTo(200);
    }

    private String start(String query) {
        Answer answer = call("POST", AUTO + query, ALL_TENANTS_KEY, null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo("Creating Alation mappings started");
        String jobId = answer.json().get("job_id").asText();
        assertThat(UUID.fromString(jobId).toString()).isEqualTo(jobId);
        return jobId;
    }

    private JsonNode finished(String jobId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer answer = get(AUTO + "?job_id=" + jobId, ALL_TENANTS_KEY);
            assertThat(answer.status()).isEqualTo(200);
            last[0] = answer.json();
            return !"IN_PROGRESS".equals(answer.json().get("status").asText());
        });
        return last[0];
    }

    private Map<String, Long> mappedTableIds() {
        Map<String, Long> mapped = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT asset_id, table_id FROM alation_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> mapped.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        return mapped;
    }

    @Test
    void aJobRunsFromPostToCompletedAndReportsEveryAsset() {
        String jobId = start("");

        JsonNode job = finished(jobId);

        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("error_message").isNull()).isTrue();
        assertThat(job.get("result").findValuesAsText("asset_id")).containsExactly("a1", "a2", "lnk");
        assertThat(job.get("result").get(0).toString()).isEqualTo("{\"asset_id\":\"a1\",\"data_source_id\":251,"
                + "\"data_source_name\":\"actian_datasource\",\"schema_id\":46,\"schema_name\":\"adventureworks.SalesLT\","
                + "\"table_id\":6121,\"table_name\":\"CustomerAddress\"}");
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"assets\":5,\"mapped\":3,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":1}");
        assertThat(job.at("/ambiguous/0/asset_id").asText()).isEqualTo("amb");
        assertThat(job.at("/ambiguous/0/candidate_table_ids").toString()).isEqualTo("[300,301]");
        assertThat(job.at("/unmatched/0/asset_id").asText()).isEqualTo("none");
        assertThat(job.at("/unmatched/0/reason").asText()).isNotBlank();
        assertThat(job.at("/progress/pages_read").asLong()).isPositive();
        assertThat(job.at("/progress/tables_read").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(job.at("/progress/plan").asText()).isEqualTo("targeted");

        assertThat(mappedTableIds()).isEqualTo(Map.of("a1", 6121L, "a2", 100L, "lnk", 102L));
        assertThat(jdbc.queryForObject("SELECT status FROM mapping_job WHERE job_id = ?::uuid", String.class, jobId))
                .isEqualTo("COMPLETED");
        // the targeted plan asked Alation for the assets' schemas only
        assertThat(alation.findAll(getRequestedFor(urlPathEqualTo(AlationCatalogStubs.TABLES))))
                .allSatisfy(request -> assertThat(request.queryParameter("schema_name__iexact").isPresent()).isTrue());
    }

    @Test
    void withoutOverwriteMappedAssetsAreLeftAloneAndWithOverwriteTheyAreReplaced() {
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a2', 2, 'Analytics PG', 20, 'public', 102, 'orders')");

        JsonNode keep = finished(start("?should_overwrite=false"));
        assertThat(keep.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(keep.get("result").findValuesAsText("asset_id")).containsExactly("a1", "lnk");
        assertThat(keep.at("/summary/unchanged").asInt()).isEqualTo(1);
        assertThat(mappedTableIds()).containsEntry("a2", 102L);

        JsonNode replace = finished(start("?should_overwrite=true"));
        assertThat(replace.get("result").findValuesAsText("asset_id")).containsExactly("a2");
        assertThat(replace.at("/summary/unchanged").asInt()).isEqualTo(2);
        assertThat(mappedTableIds()).isEqualTo(Map.of("a1", 6121L, "a2", 100L, "lnk", 102L));
    }

    @Test
    void aSecondJobWhileOneRunsIs409NamingTheRunningJob() {
        String running = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite)"
                + " VALUES (?::uuid, 'acme', 'IN_PROGRESS', false)", running);

        Answer answer = call("POST", AUTO, ALL_TENANTS_KEY, null, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("job_id").asText()).isEqualTo(running);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class)).isZero();
    }

    @Test
    void withoutAnIntegrationTheJobDoesNotStart() {
        delete("/acme/configuration/integrations/alation", ALL_TENANTS_KEY);

        Answer answer = call("POST", AUTO, ALL_TENANTS_KEY, null, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job", Integer.class)).isZero();
    }

    @Test
    void aFailedJobSaysWhyAndLeavesEarlierMappingsIntact() {
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a2', 2, 'Analytics PG', 20, 'public', 102, 'orders')");
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).willReturn(aResponse().withStatus(500)));

        JsonNode job = finished(start("?should_overwrite=true"));

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error_message").asText()).contains("GET /integration/v2/table/").contains("HTTP 500");
        assertThat(job.get("result")).isEmpty();
        assertThat(mappedTableIds()).isEqualTo(Map.of("a2", 102L));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_asset", Integer.class)).isZero();
    }

    @Test
    void aJobWhoseRunnerDiedIsPickedUpAgainAndCompleted() {
        String jobId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite, started_at, attempts)"
                + " VALUES (?::uuid, 'acme', 'IN_PROGRESS', false, now() - interval '1 hour', 1)", jobId);
        // queued far ahead (so that this replica does not run it now), then made to look picked by a replica that died
        scheduler.schedule(MappingJobConfiguration.ALATION_AUTO_MAPPING.instance(jobId).data(jobId)
                .scheduledTo(Instant.now().plus(Duration.ofDays(1))));
        jdbc.update("UPDATE scheduled_tasks SET picked = true, picked_by = 'killed-replica',"
                + " last_heartbeat = now() - interval '1 hour', execution_time = now() - interval '1 hour'");

        JsonNode job = finished(jobId);

        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.at("/progress/attempts").asInt()).isEqualTo(2);
        assertThat(mappedTableIds()).isEqualTo(Map.of("a1", 6121L, "a2", 100L, "lnk", 102L));
    }

    @Test
    void unknownOtherTenantsAndMalformedJobIdsAreRefused() {
        String jobId = start("");
        assertThat(finished(jobId).get("status").asText()).isEqualTo("COMPLETED");

        assertThat(get(AUTO + "?job_id=" + UUID.randomUUID(), ALL_TENANTS_KEY).status()).isEqualTo(404);
        assertThat(get("/globex/configuration/mappings/alation/auto?job_id=" + jobId, ALL_TENANTS_KEY).status())
                .isEqualTo(404);
        Answer malformed = get(AUTO + "?job_id=42", ALL_TENANTS_KEY);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("job_id");
        assertThat(get(AUTO, ALL_TENANTS_KEY).status()).isEqualTo(400);
        assertThat(call("POST", AUTO + "?should_overwrite=maybe", ALL_TENANTS_KEY, null, null).status()).isEqualTo(400);
    }
}
