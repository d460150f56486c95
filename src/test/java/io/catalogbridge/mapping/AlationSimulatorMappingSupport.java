package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the mapping job tests against the Alation simulator (a catalog of 2,000 tables), integrated as tenant
 * acme's Alation: assets drawn from its tables, and what the tests read back of the jobs and the mapping rows.
 */
abstract class AlationSimulatorMappingSupport extends ApiTestSupport {

    static final String MAPPINGS = "/acme/configuration/mappings/alation";
    static final String AUTO = MAPPINGS + "/auto";
    static final String VERIFY = MAPPINGS + "/verify";

    static AlationSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(11, 2_000));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void integrateWithTheSimulator() {
        simulator.faults().clear();
        simulator.drift().reset();
        Answer put = putJson("/acme/configuration/integrations/alation", ALL_TENANTS_KEY, "{\"url\": \""
                + simulator.baseUrl() + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        simulator.resetStats();
    }

    /**
     * The catalog's tables that an asset naming their data source, schema and table matches alone: no other table of
     * the data source has the same schema and name ignoring case.
     */
    static List<SimulatedTable> uniquelyNamedTables(int count) {
        Map<String, Long> spellings = simulator.catalog().tables()
                .collect(Collectors.groupingBy(AlationSimulatorMappingSupport::foldedName, Collectors.counting()));
        return simulator.catalog().tables().filter(t -> spellings.get(foldedName(t)) == 1)
                .filter(t -> !t.name().contains("\"")).limit(count).toList();
    }

    private static String foldedName(SimulatedTable table) {
        return (table.dsId() + "." + table.schemaName() + "." + table.name()).toLowerCase(Locale.ROOT);
    }

    /** An asset that names the table's data source (its title), schema and name: matched to that table alone. */
    static String assetOf(String assetId, SimulatedTable table) {
        String title = simulator.catalog().dataSource(table.dsId()).orElseThrow().title();
        return "{\"asset_id\": \"" + assetId + "\", \"data_source_name\": " + quoted(title) + ", \"schema\": "
                + quoted(table.schemaName()) + ", \"table\": " + quoted(table.name()) + "}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    void registerAssets(List<String> assets) {
        Answer put = putJson("/acme/assets", ALL_TENANTS_KEY, "[" + String.join(",", assets) + "]");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** Maps the asset to the table by hand. */
    void map(String assetId, SimulatedTable table) {
        Answer mapped = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"" + assetId + "\", \"alation_table_id\": " + table.id() + "}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    }

    /** Starts a job at the path (with its query); the answer's message must be the one given. */
    String start(String pathAndQuery, String message) {
        Answer answer = call("POST", pathAndQuery, ALL_TENANTS_KEY, null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo(message);
        return answer.json().get("job_id").asText();
    }

    JsonNode finished(String jobId) {
        JsonNode job = finishedJob(AUTO, jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        return job;
    }

    /** Every Alation mapping row of acme: asset id → the row's columns. */
    Map<String, Map<String, Object>> mappingRows() {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, data_source_id, data_source_name, schema_id, schema_name, table_id,"
                        + " table_name, table_key FROM alation_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> rows.put((String) row.get("asset_id"), row));
        return rows;
    }

    /** The table ids of acme's mappings, by asset id. */
    Map<String, Long> mappedTableIds() {
        Map<String, Long> ids = new TreeMap<>();
        mappingRows().forEach((asset, row) -> ids.put(asset, ((Number) row.get("table_id")).longValue()));
        return ids;
    }
}
