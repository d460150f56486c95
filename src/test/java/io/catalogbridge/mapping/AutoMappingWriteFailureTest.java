package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A job whose write fails after its mappings were upserted from the staging table (a step that throws, woven in after
 * the upsert): the transaction rolls back, so the earlier mappings are as they were, nothing of the job is left in
 * {@code mapping_job_staging} or {@code mapping_job_asset} (both written by COPY before the upsert), and the job is FAILED with the cause. The route is
 * changed for this class only (its own context).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AutoMappingWriteFailureTest extends ApiTestSupport {

    private static final String AUTO = "/acme/configuration/mappings/alation/auto";

    @Autowired
    CamelContext camelContext;

    private Map<String, Long> mappedTableIds() {
        Map<String, Long> mapped = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, table_id FROM alation_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> mapped.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        return mapped;
    }

    @Test
    void aFailureAfterTheUpsertLeavesTheEarlierMappingsAndNothingStaged() throws Exception {
        AlationCatalogStubs.stubCatalog(alation);
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "a1", "data_source_type": "sqlserver", "host": "mssql.example.com",
                  "database": "adventureworks", "schema": "SalesLT", "table": "CustomerAddress"},
                 {"asset_id": "a2", "data_source_name": "Sales PG", "schema": "public", "table": "orders"}]""")
                .status()).isEqualTo(200);
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a2', 2, 'Analytics PG', 20, 'public', 102,"
                + " 'orders')");
        AdviceWith.adviceWith(camelContext, "write-auto-mapping-result", route -> route
                .weaveById("upsert-mappings-from-staging").after()
                .process(exchange -> {
                    // the upsert did write, in the transaction: what the rollback must undo
                    assertThat(mappedTableIds()).isEqualTo(Map.of("a1", 6121L, "a2", 100L));
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_staging", Long.class))
                            .isEqualTo(2);
                    assertThat(jdbc.queryForList("SELECT asset_id, outcome FROM mapping_job_asset"
                            + " ORDER BY asset_id")).as("the outcomes, copied in the transaction")
                            .containsExactly(Map.of("asset_id", "a1", "outcome", "MAPPED"),
                                    Map.of("asset_id", "a2", "outcome", "MAPPED"));
                    throw new IllegalStateException("injected failure after the upsert");
                }));

        String jobId = startJob(AUTO + "?should_overwrite=true", "Alation");
        JsonNode job = finishedJob(AUTO, jobId);

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        // an unexpected exception is named by its type only (MappingJobs.failureMessage)
        assertThat(job.get("error_message").asText())
                .isEqualTo("The job failed unexpectedly (IllegalStateException); the service log has the details");
        assertThat(mappedTableIds()).as("the earlier mappings, intact").isEqualTo(Map.of("a2", 102L));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_staging", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_asset WHERE job_id = CAST(? AS UUID)",
                Long.class, jobId)).isZero();
    }
}
