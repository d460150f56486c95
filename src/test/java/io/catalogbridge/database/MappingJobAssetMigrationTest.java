package io.catalogbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.alation.AlationMappings;
import io.catalogbridge.mapping.JobMappings;
import io.catalogbridge.mapping.MappingJobs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * V7 makes a job's per-asset outcomes catalog-neutral (a mapping as JSON, candidates as a JSON array) and keeps every
 * row: an Alation job finished before the upgrade reports exactly what it reported before, and a catalog with UUIDs
 * stores and reports its own ids.
 */
class MappingJobAssetMigrationTest {

    private static final String JOB_ID = "5b0f3c9e-2f0b-4c3e-9a51-0d6f1e2a7b10";

    /** What the job's report showed under V6 (AlationMappings read the Alation columns): it must not change. */
    private static final String REPORT = "{\"job_id\":\"" + JOB_ID + "\",\"status\":\"COMPLETED\",\"error_message\":null,"
            + "\"result\":[{\"asset_id\":\"a1\",\"data_source_id\":251,\"data_source_name\":\"actian_datasource\","
            + "\"schema_id\":46,\"schema_name\":\"adventureworks.SalesLT\",\"table_id\":6121,"
            + "\"table_name\":\"CustomerAddress\"},"
            + "{\"asset_id\":\"a2\",\"data_source_id\":2,\"schema_id\":20,\"schema_name\":\"public\","
            + "\"table_id\":9007199254740993,\"table_name\":\"orders\"}],"
            + "\"summary\":{\"assets\":4,\"mapped\":2,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":1},"
            + "\"progress\":{\"plan\":\"targeted\",\"pages_read\":2,\"tables_read\":9,\"attempts\":1,"
            + "\"objects_skipped\":{\"count\":0,\"sample\":[]}},"
            + "\"ambiguous\":[{\"asset_id\":\"amb\",\"reason\":\"2 tables match\",\"candidate_table_ids\":[300,301]}],"
            + "\"unmatched\":[{\"asset_id\":\"none\",\"reason\":\"no table matches\"}],"
            // fields added since (V17): a job of before was an automatic run, not a preview
            + "\"kind\":\"auto\",\"dry_run\":false}";

    /** The service's Jackson as application.yaml configures it: nulls left out. */
    private final ObjectMapper objectMapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EmbeddedPostgres postgres;
    private JdbcTemplate jdbc;

    @BeforeEach
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterEach
    void stopDatabase() throws IOException {
        postgres.close();
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    @Test
    void anAlationJobOfV6ReportsWhatItReportedBefore() throws IOException {
        migrate("6");
        insertV6AlationJob();

        migrate("latest");

        assertThat(jdbc.queryForList("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                + " WHERE table_name = 'mapping_job_asset' ORDER BY column_name", String.class))
                .containsExactly("asset_id character varying", "candidate_table_ids jsonb", "job_id uuid",
                        "mapping jsonb", "outcome character varying", "previous_mapping jsonb",
                        "previous_table_id jsonb", "reason text", "repaired boolean");
        assertThat(stored("a1", "mapping")).isEqualTo(objectMapper.readTree("{\"asset_id\": \"a1\","
                + " \"data_source_id\": 251, \"data_source_name\": \"actian_datasource\", \"schema_id\": 46,"
                + " \"schema_name\": \"adventureworks.SalesLT\", \"table_id\": 6121, \"table_name\": \"CustomerAddress\"}"));
        // a data source without a title: no data_source_name, as Jackson (non_null) writes such a mapping
        assertThat(stored("a2", "mapping")).isEqualTo(objectMapper.readTree("{\"asset_id\": \"a2\","
                + " \"data_source_id\": 2, \"schema_id\": 20, \"schema_name\": \"public\","
                + " \"table_id\": 9007199254740993, \"table_name\": \"orders\"}"));
        assertThat(stored("amb", "candidate_table_ids")).isEqualTo(objectMapper.readTree("[300, 301]"));
        assertThat(jdbc.queryForList("SELECT asset_id FROM mapping_job_asset WHERE mapping IS NULL ORDER BY asset_id",
                String.class)).containsExactly("amb", "none");
        assertThat(stored("none", "candidate_table_ids")).isNull();

        String report = objectMapper.writeValueAsString(
                new MappingJobs(null, null, objectMapper, List.of(new AlationMappings()), null, null).report(jobRow("alation"), assetRows()));
        assertThat(report).isEqualTo(REPORT);
    }

    /** A mapping of a catalog whose ids are UUIDs, as its wing would define it. */
    record UuidMapping(
            @JsonProperty("asset_id") String assetId,
            @JsonProperty("table_id") UUID tableId,
            @JsonProperty("table_fqn") String tableFqn) {
    }

    @Test
    void aCatalogWithUuidsStoresAndReportsItsOwnIds() throws IOException {
        migrate("latest");
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite)"
                + " VALUES (CAST(? AS UUID), 'acme', 'uuids', 'COMPLETED', false)", JOB_ID);
        UUID table = UUID.fromString("3f1e2d4c-5b6a-4789-9abc-def012345678");
        String mapping = objectMapper.writeValueAsString(new UuidMapping("m", table, "svc.db.public.orders"));
        String candidates = "[\"0c9a7e3e-1111-4c4c-8d8d-000000000001\",\"0c9a7e3e-1111-4c4c-8d8d-000000000002\"]";
        Map<String, Object> batch = new java.util.HashMap<>(Map.of("job_id", JOB_ID,
                "asset_id", new String[] {"m", "amb"}, "outcome", new String[] {"MAPPED", "AMBIGUOUS"},
                "reason", new String[] {null, "2 tables match"}, "mapping", new String[] {mapping, null},
                "candidate_table_ids", new String[] {null, candidates}));
        for (String unused : List.of("previous_table_id", "previous_mapping", "repaired")) {
            batch.put(unused, new String[] {null, null});
        }
        named().update(sql("mapping-job-asset-insert-batch"), batch);

        JobMappings<UuidMapping> uuids = new JobMappings<>() {
            @Override
            public String catalog() {
                return "uuids";
            }

            @Override
            public Class<UuidMapping> mappingType() {
                return UuidMapping.class;
            }

            @Override
            public String assetId(UuidMapping mapping) {
                return mapping.assetId();
            }

            @Override
            public Iterator<Map<String, Object>> upsertBatches(String tenant, boolean overwrite,
                    List<UuidMapping> mappings) {
                throw new UnsupportedOperationException("this catalog's jobs are only reported here");
            }
        };
        JsonNode report = objectMapper.valueToTree(new MappingJobs(null, null, objectMapper, List.of(uuids), null, null)
                .report(jobRow("uuids"), assetRows()));
        assertThat(report.get("result").toString()).isEqualTo("[{\"asset_id\":\"m\","
                + "\"table_id\":\"3f1e2d4c-5b6a-4789-9abc-def012345678\",\"table_fqn\":\"svc.db.public.orders\"}]");
        assertThat(report.at("/ambiguous/0/candidate_table_ids").toString()).isEqualTo(candidates);
    }

    private void insertV6AlationJob() {
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, status, should_overwrite, plan, pages_read,"
                + " tables_read, assets, mapped, unchanged, ambiguous, unmatched, attempts)"
                + " VALUES (CAST(? AS UUID), 'acme', 'COMPLETED', false, 'targeted', 2, 9, 4, 2, 0, 1, 1, 1)", JOB_ID);
        String row = "INSERT INTO mapping_job_asset (job_id, asset_id, outcome, reason, candidate_table_ids,"
                + " data_source_id, data_source_name, schema_id, schema_name, table_id, table_name)"
                + " VALUES (CAST(? AS UUID), ?, ?, ?, CAST(? AS BIGINT[]), ?, ?, ?, ?, ?, ?)";
        jdbc.update(row, JOB_ID, "a1", "MAPPED", null, null, 251L, "actian_datasource", 46L, "adventureworks.SalesLT",
                6121L, "CustomerAddress");
        jdbc.update(row, JOB_ID, "a2", "MAPPED", null, null, 2L, null, 20L, "public", 9007199254740993L, "orders");
        jdbc.update(row, JOB_ID, "amb", "AMBIGUOUS", "2 tables match", "{300,301}", null, null, null, null, null,
                null);
        jdbc.update(row, JOB_ID, "none", "UNMATCHED", "no table matches", null, null, null, null, null, null, null);
    }

    private JsonNode stored(String assetId, String column) throws IOException {
        String json = jdbc.queryForObject("SELECT CAST(" + column + " AS TEXT) FROM mapping_job_asset"
                + " WHERE asset_id = ?", String.class, assetId);
        return json == null ? null : objectMapper.readTree(json);
    }

    /** The job as the route reads it: {@code sql/mapping-job-select.sql}. */
    private Map<String, Object> jobRow(String catalog) throws IOException {
        return named().queryForMap(sql("mapping-job-select"),
                Map.of("job_id", JOB_ID, "tenant", "acme", "catalog", catalog));
    }

    /** The job's outcomes as the route reads them: {@code sql/mapping-job-asset-select.sql}. */
    private List<Map<String, Object>> assetRows() throws IOException {
        return named().queryForList(sql("mapping-job-asset-select"), Map.of("job_id", JOB_ID));
    }

    private NamedParameterJdbcTemplate named() {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    /** A statement of {@code sql/}, its Camel parameters ({@code :#name}) as Spring's ({@code :name}). */
    private static String sql(String name) throws IOException {
        try (InputStream in = MappingJobAssetMigrationTest.class.getResourceAsStream("/sql/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":#", ":");
        }
    }
}
