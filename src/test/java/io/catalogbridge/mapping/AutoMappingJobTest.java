package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        return startJob(AUTO + query, "Alation");
    }

    private JsonNode finished(String jobId) {
        return finishedJob(AUTO, jobId);
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
    void aJobRunningInAnotherCatalogDoesNotHoldBackAnAlationJob() {
        String other = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite)"
                + " VALUES (?::uuid, 'acme', 'othercatalog', 'IN_PROGRESS', false)", other);

        String jobId = start("");

        assertThat(finished(jobId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(get(AUTO + "?job_id=" + other, ALL_TENANTS_KEY).status())
                .as("another catalog's job is not shown on Alation's path").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT catalog FROM mapping_job WHERE job_id = ?::uuid", String.class, jobId))
                .isEqualTo("alation");
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
        scheduler.schedule(MappingJobConfiguration.AUTO_MAPPING.instance(jobId).data(jobId)
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

    // --- Alation's answers, as real instances give them ---------------------------------------------------------

    @Test
    void aTokenAnswerThatCannotBeReadFailsTheJobNamingTheEndpoint() {
        alation.stubFor(WireMock.post(WireMock.urlEqualTo("/integration/v1/createAPIAccessToken/"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"api_access_token\": \"access-1\", \"token_expires_at\": 2099-01-01}")));

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("error_message").asText())
                .startsWith("Alation's answer to POST /integration/v1/createAPIAccessToken/ could not be read: ")
                .doesNotContain("com.fasterxml").doesNotContain("Exception");
        assertThat(mappedTableIds()).isEmpty();
    }

    @Test
    void tablesAlationAnswersInAnUnusableShapeAreSkippedCountedAndTheJobGoesOn() {
        String unusable = """
                {"id": 93, "name": "orders", "ds_id": 1, "schema_id": 10, "table_type": "TABLE"},
                {"id": 94, "name": "orders", "ds_id": "one", "schema_id": 10, "schema_name": "public"},
                {"id": 95, "name": "CustomerAddress", "ds_id": 251, "schema_name": "adventureworks.SalesLT"},
                {"id": 96, "name": "Customer", "ds_id": 251, "schema_id": 46, "schema_name": "adventureworks.SalesLT",
                 "table_type": 5, "key": ["not", "text"]},""";
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).willReturn(AlationCatalogStubs.json(
                "[" + unusable + AlationCatalogStubs.CATALOG.substring(1))));

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(mappedTableIds()).isEqualTo(Map.of("a1", 6121L, "a2", 100L, "lnk", 102L));
        int listings = alation.findAll(getRequestedFor(urlPathEqualTo(AlationCatalogStubs.TABLES))).size();
        assertThat(listings).isPositive();
        assertThat(job.at("/progress/objects_skipped/count").asLong()).isEqualTo(3L * listings);
        assertThat(job.at("/progress/objects_skipped/sample").size()).isEqualTo(Math.min(10, 3 * listings));
        for (int i = 0; i < 3; i++) {
            assertThat(job.at("/progress/objects_skipped/sample/" + i).toString()).isEqualTo(List.of(
                    "{\"object\":\"table\",\"id\":93,\"reason\":\"no schema_name\"}",
                    "{\"object\":\"table\",\"id\":94,\"reason\":\"ds_id is not an integer\"}",
                    "{\"object\":\"table\",\"id\":95,\"reason\":\"no schema_id\"}").get(i));
        }
        // the table with odd fields the bridge does not need was read: 6122 and 96 are both "Customer"
        assertThat(job.at("/progress/tables_read").asLong()).isEqualTo(7L * listings);
        assertThat(jdbc.queryForObject("SELECT CAST(objects_skipped ->> 'count' AS INTEGER) FROM mapping_job",
                Integer.class)).isEqualTo(3 * listings);
    }

    @Test
    void hiddenDataSourcesAreAskedForAndMappingsThroughALinkCarryTheDataSourceName() {
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/"))
                .withQueryParam("include_hidden", WireMock.equalTo("true")).willReturn(AlationCatalogStubs.json("""
                [{"id": 1, "dbtype": "postgresql", "host": "pg.example.com", "port": 5432, "dbname": "sales", "title": "Sales PG"},
                 {"id": 2, "dbtype": "postgresql", "host": "pg2.example.com", "port": 5432, "dbname": "analytics", "title": "Analytics PG"},
                 {"id": 7, "dbtype": "postgresql", "host": "vault.example.com", "port": 5432, "dbname": "ledger",
                  "title": "Vault PG", "is_hidden": true}]""")));
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).willReturn(AlationCatalogStubs.json(
                "[{\"id\": 700, \"name\": \"entries\", \"ds_id\": 7, \"schema_id\": 70, \"schema_name\": \"public\"},"
                        + AlationCatalogStubs.CATALOG.substring(1))));
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\","
                        + " \"data_source_links\": [{\"data_source_name\": \"vault\", \"alation_data_source_id\": 7},"
                        + " {\"data_source_name\": \"gone\", \"alation_data_source_id\": 999}]}").status()).isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "by-connection", "data_source_type": "postgresql", "host": "VAULT.example.com",
                  "database": "ledger", "schema": "public", "table": "entries"},
                 {"asset_id": "by-link", "data_source_name": "vault", "schema": "public", "table": "entries"},
                 {"asset_id": "by-stale-link", "data_source_name": "gone", "schema": "public", "table": "entries"}]""")
                .status()).isEqualTo(200);

        JsonNode job = finished(start(""));

        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        for (String path : List.of("/integration/v1/datasource/", "/integration/v2/datasource/")) {
            assertThat(alation.findAll(getRequestedFor(urlPathEqualTo(path)))).as(path).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.queryParameter("include_hidden").firstValue()).isEqualTo("true"));
        }
        Map<String, JsonNode> result = new java.util.TreeMap<>();
        job.get("result").forEach(m -> result.put(m.get("asset_id").asText(), m));
        assertThat(result.get("by-connection").toString()).isEqualTo("{\"asset_id\":\"by-connection\","
                + "\"data_source_id\":7,\"data_source_name\":\"Vault PG\",\"schema_id\":70,\"schema_name\":\"public\","
                + "\"table_id\":700,\"table_name\":\"entries\"}");
        assertThat(result.get("by-link").get("data_source_name").asText()).isEqualTo("Vault PG");
        assertThat(jdbc.queryForList("SELECT data_source_name FROM alation_mapping WHERE data_source_name IS NULL"))
                .isEmpty();
        JsonNode stale = null;
        for (JsonNode unmatched : job.get("unmatched")) {
            if (unmatched.get("asset_id").asText().equals("by-stale-link")) {
                stale = unmatched;
            }
        }
        assertThat(stale).isNotNull();
        assertThat(stale.get("reason").asText()).contains("data source 999, which Alation does not list")
                .contains("linked to data source name \"gone\"");
    }
}
