package io.catalogbridge.mapping;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.database.CopyRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job's write goes through COPY's text format: names with tabs, newlines, carriage returns, backslashes, quotes,
 * dots, the text {@code \N} (never NULL) and characters beyond ASCII come out of PostgreSQL as they went in, in the
 * mapping rows and in the job's report, and a NULL stays NULL.
 */
class AutoMappingCopyEscapingTest extends ApiTestSupport {

    private static final String AUTO = "/acme/configuration/mappings/alation/auto";

    // every hostile spelling a value can have in COPY's text format, and a few a catalog's names do have
    private static final String TITLE_1 = "Sales \"PG\"\n\\ 😀 日本";
    private static final String TITLE_2 = "tab\there\\N";
    private static final String SCHEMA_1 = "Sales.\"Mixed\"Case\\N";
    private static final String TABLE_1 = "Ord\"ers.2024\tQ1";
    private static final String KEY_1 = "1.\"Sales.\\\"Mixed\\\"Case\\\\N\".Ord\"ers\t\n";
    private static final String SCHEMA_2 = "back\\slash\r\nline";
    private static final String TABLE_2 = "\\N";
    private static final String TABLE_3 = "ünïcode 表 \\\\t";
    private static final String DUPLICATE = "dup\tname\\";

    @Autowired
    CopyRows copyRows;

    @Autowired
    TransactionTemplate transactions;

    private static Map<String, Object> table(long id, String name, long dsId, long schemaId, String schema, String key) {
        Map<String, Object> table = new HashMap<>();
        table.put("id", id);
        table.put("name", name);
        table.put("ds_id", dsId);
        table.put("schema_id", schemaId);
        table.put("schema_name", schema);
        table.put("table_type", "TABLE");
        table.put("key", key);
        return table;
    }

    private static Map<String, Object> asset(String id, String schema, String table) {
        return Map.of("asset_id", id, "schema", schema, "table", table);
    }

    @Test
    void hostileNamesRoundTripIntoTheMappingsAndTheReport() throws Exception {
        AlationCatalogStubs.stubCatalog(alation);
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(AlationCatalogStubs.json(
                objectMapper.writeValueAsString(List.of(
                        Map.of("id", 1, "dbtype", "postgresql", "host", "pg.example.com", "port", 5432,
                                "dbname", "sales", "title", TITLE_1),
                        Map.of("id", 2, "dbtype", "postgresql", "host", "pg2.example.com", "port", 5432,
                                "dbname", "analytics", "title", TITLE_2))))));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/"))
                .willReturn(AlationCatalogStubs.json("[]")));
        alation.stubFor(WireMock.get(urlPathEqualTo(AlationCatalogStubs.TABLES)).willReturn(AlationCatalogStubs.json(
                objectMapper.writeValueAsString(List.of(
                        table(7001, TABLE_1, 1, 71, SCHEMA_1, KEY_1),
                        table(7002, TABLE_2, 2, 72, SCHEMA_2, null),
                        table(7003, TABLE_3, 1, 73, "public", "1.public.x"),
                        table(7004, DUPLICATE, 1, 73, "public", null),
                        table(7005, DUPLICATE, 2, 74, "public", null))))));
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        List<Map<String, Object>> assets = List.of(
                asset("a\t1", SCHEMA_1, TABLE_1),
                asset("\\N", SCHEMA_2, TABLE_2),
                asset("a\"\\b\r\n", "public", TABLE_3),
                asset("ü\\t", "public", DUPLICATE),
                asset("\\\\N\n", "public", "missing\t\\N"));
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, objectMapper.writeValueAsString(assets)).status())
                .isEqualTo(200);

        JsonNode job = finishedJob(AUTO, startJob(AUTO, "Alation"));

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"assets\":5,\"mapped\":3,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":1}");
        Map<String, JsonNode> result = new HashMap<>();
        job.get("result").forEach(mapping -> result.put(mapping.get("asset_id").asText(), mapping));
        assertThat(result).containsOnlyKeys("a\t1", "\\N", "a\"\\b\r\n");
        assertThat(result.get("a\t1").toString()).isEqualTo(
                "{\"asset_id\":\"a\\t1\",\"data_source_id\":1,\"data_source_name\":"
                        + objectMapper.writeValueAsString(TITLE_1) + ",\"schema_id\":71,\"schema_name\":"
                        + objectMapper.writeValueAsString(SCHEMA_1) + ",\"table_id\":7001,\"table_name\":"
                        + objectMapper.writeValueAsString(TABLE_1) + "}");
        assertThat(result.get("\\N").get("table_name").asText()).isEqualTo(TABLE_2);
        assertThat(result.get("\\N").get("schema_name").asText()).isEqualTo(SCHEMA_2);
        assertThat(result.get("\\N").get("data_source_name").asText()).isEqualTo(TITLE_2);
        assertThat(result.get("a\"\\b\r\n").get("table_name").asText()).isEqualTo(TABLE_3);
        assertThat(job.at("/ambiguous/0/asset_id").asText()).isEqualTo("ü\\t");
        assertThat(job.at("/ambiguous/0/candidate_table_ids").toString()).isEqualTo("[7004,7005]");
        assertThat(job.at("/unmatched/0/asset_id").asText()).isEqualTo("\\\\N\n");
        assertThat(job.at("/unmatched/0/reason").asText()).isNotBlank();

        Map<String, List<Object>> rows = new HashMap<>();
        jdbc.queryForList("SELECT asset_id, data_source_name, schema_name, table_name, table_key FROM alation_mapping"
                + " WHERE tenant_id = 'acme'").forEach(row -> rows.put((String) row.get("asset_id"),
                Arrays.asList(row.get("data_source_name"), row.get("schema_name"), row.get("table_name"),
                        row.get("table_key"))));
        assertThat(rows).containsOnlyKeys("a\t1", "\\N", "a\"\\b\r\n");
        assertThat(rows.get("a\t1")).containsExactly(TITLE_1, SCHEMA_1, TABLE_1, KEY_1);
        assertThat(rows.get("\\N")).containsExactly(TITLE_2, SCHEMA_2, TABLE_2, null);
        assertThat(rows.get("a\"\\b\r\n")).containsExactly(TITLE_1, "public", TABLE_3, "1.public.x");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_staging", Long.class))
                .as("the write empties what it staged").isZero();
    }

    @Test
    void copyKeepsEveryCharacterAndTellsNullFromTheTextBackslashN() {
        List<String> hostile = List.of("\\N", "\\", "\t", "\n", "\r", "\r\n", "\\.", "a\\tb", "\"q\"", "'s'",
                "x.y.\"Z\"", "😀 日本 ü", "", " ", ",;|", "\u007f\u0085");
        String jobId = "00000000-0000-0000-0000-00000000000c";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            String value = hostile.get(i);
            rows.add(new Object[] {jobId, "asset-" + i + value, "UNMATCHED", value,
                objectMapper.valueToTree(Map.of("name", value)).toString(), null, null});
        }
        rows.add(new Object[] {jobId, "null", "UNMATCHED", null, null, null, null});
        Iterator<Object[]> rowIterator = rows.iterator();
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, kind, status, should_overwrite, dry_run,"
                    + " repair) VALUES (CAST(? AS UUID), 'copy', 'alation', 'auto', 'IN_PROGRESS', false, false,"
                    + " false)", jobId);
            assertThat(copyRows.copy("mapping-job-asset-copy.sql", rowIterator)).isEqualTo(rows.size());
            for (int i = 0; i < hostile.size(); i++) {
                Map<String, Object> row = jdbc.queryForMap("SELECT reason, mapping ->> 'name' AS name"
                        + " FROM mapping_job_asset WHERE job_id = CAST(? AS UUID) AND asset_id = ?", jobId,
                        "asset-" + i + hostile.get(i));
                assertThat(row.get("reason")).as("value %d", i).isEqualTo(hostile.get(i));
                assertThat(row.get("name")).as("value %d in JSON", i).isEqualTo(hostile.get(i));
            }
            Map<String, Object> nulls = jdbc.queryForMap("SELECT reason, mapping FROM mapping_job_asset"
                    + " WHERE job_id = CAST(? AS UUID) AND asset_id = 'null'", jobId);
            assertThat(nulls.get("reason")).isNull();
            assertThat(nulls.get("mapping")).isNull();
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_asset WHERE job_id = CAST(? AS UUID)",
                Long.class, jobId)).isZero();
    }

    @Test
    void valuesAreEscapedForCopysTextFormat() {
        StringBuilder text = new StringBuilder();
        CopyRows.appendRow(text, new Object[] {"a\tb\nc\rd\\e", null, "\\N", "\"ü\"", 7});
        assertThat(text.toString()).isEqualTo("a\\tb\\nc\\rd\\\\e\t\\N\t\\\\N\t\"ü\"\t7\n");
    }
}
