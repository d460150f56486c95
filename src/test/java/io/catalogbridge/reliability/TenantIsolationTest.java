package io.catalogbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A key of tenant A walks every endpoint on tenant B's paths: 403 each time, and nothing of B in any answer. */
class TenantIsolationTest extends ApiTestSupport {

    @Test
    void aKeyOfOneTenantGetsNothingOfAnother() {
        String jobId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO alation_integration (tenant_id, url, user_id, refresh_token_encrypted)"
                + " VALUES ('globex', 'https://globex-secret.example.com', 5, 'v1:x')");
        jdbc.update("INSERT INTO asset (tenant_id, asset_id, schema_name, table_name)"
                + " VALUES ('globex', 'globex-asset', 'globex_schema', 'globex_table')");
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('globex', 'globex-asset', 1, 'globex_ds', 2,"
                + " 'globex_schema', 3, 'globex_table')");
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite)"
                + " VALUES (?::uuid, 'globex', 'COMPLETED', false)", jobId);
        String integration = "/globex/configuration/integrations/alation";
        String mappings = "/globex/configuration/mappings/alation";
        String json = "application/json";

        List<Answer> answers = List.of(
                call("GET", integration, ACME_ONLY_KEY, null, null),
                call("PUT", integration + "?validate=false", ACME_ONLY_KEY, json,
                        "{\"url\": \"https://evil.example.com\", \"user_id\": 1, \"refresh_api_token\": \"t\"}"),
                call("DELETE", integration, ACME_ONLY_KEY, null, null),
                call("GET", "/globex/assets", ACME_ONLY_KEY, null, null),
                call("PUT", "/globex/assets", ACME_ONLY_KEY, json, "[{\"asset_id\": \"x\", \"schema\": \"s\", \"table\": \"t\"}]"),
                call("DELETE", "/globex/assets?asset_id=globex-asset", ACME_ONLY_KEY, null, null),
                call("GET", mappings, ACME_ONLY_KEY, null, null),
                call("POST", mappings, ACME_ONLY_KEY, json, "{\"asset_id\": \"globex-asset\", \"alation_table_id\": 3}"),
                call("DELETE", mappings + "?asset_id=globex-asset", ACME_ONLY_KEY, null, null),
                call("POST", mappings + "/auto", ACME_ONLY_KEY, null, null),
                call("GET", mappings + "/auto?job_id=" + jobId, ACME_ONLY_KEY, null, null));

        assertThat(answers).hasSize(11).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("globex-secret").doesNotContain("globex-asset")
                    .doesNotContain("globex_table").doesNotContain(jobId);
        });
        assertThat(jdbc.queryForObject("SELECT url FROM alation_integration WHERE tenant_id = 'globex'", String.class))
                .isEqualTo("https://globex-secret.example.com");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset WHERE tenant_id = 'globex'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alation_mapping", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset WHERE tenant_id = 'acme'", Integer.class)).isZero();
    }

    @Test
    void aJobIdOfAnotherTenantIsNotFoundEvenWithAKeyForBoth() {
        String jobId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite)"
                + " VALUES (?::uuid, 'globex', 'COMPLETED', false)", jobId);

        Answer answer = get("/acme/configuration/mappings/alation/auto?job_id=" + jobId, ALL_TENANTS_KEY);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("globex");
    }
}
