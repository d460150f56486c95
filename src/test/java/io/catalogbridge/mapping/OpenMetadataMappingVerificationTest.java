package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.openmetadata.simulator.OmSchema;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataCatalog;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.catalogbridge.openmetadata.simulator.ServiceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verification of OpenMetadata mappings over HTTP, against the OpenMetadata simulator with its tables drifting
 * at run time (renamed, re-extracted under a new id, dropped): what each mapping is found to be, what a repair
 * writes, the states kept and listed, and what OpenMetadata was asked (a few listings, no lookup per mapping).
 * Also the preview of the automatic run, held row for row to the run it previews.
 */
class OpenMetadataMappingVerificationTest extends ApiTestSupport {

    private static final String INTEGRATION = "/acme/configuration/integrations/openmetadata";
    private static final String MAPPINGS = "/acme/configuration/mappings/openmetadata";
    private static final String AUTO = MAPPINGS + "/auto";
    private static final String VERIFY = MAPPINGS + "/verify";

    private static OpenMetadataSimulator simulator;
    private static OpenMetadataCatalog catalog;
    /**
     * The mapped tables, by asset: two untouched ones sharing a schema, one in another schema, and those the tests
     * drift: renamed in place, renamed into another schema, re-extracted, soft-dropped, hard-dropped.
     */
    private static final Map<String, OmTable> TABLES = new LinkedHashMap<>();
    /** A schema of the "ren_moved" table's service other than its own. */
    private static OmSchema otherSchema;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 5_000));
        catalog = simulator.catalog();
        Map<String, List<OmTable>> bySpelling = catalog.tables()
                .collect(Collectors.groupingBy(OpenMetadataMappingVerificationTest::spelling));
        // live Postgres tables of plain names that no other table spells alike: the matching rules find each alone
        List<OmTable> plain = catalog.tables()
                .filter(t -> t.schema().service().type() == ServiceType.POSTGRES && !t.deleted()
                        && !t.name().contains(".") && !t.name().contains("\"")
                        && bySpelling.get(spelling(t)).size() == 1)
                .toList();
        Map<OmSchema, List<OmTable>> bySchema = plain.stream().collect(Collectors.groupingBy(OmTable::schema));
        List<OmTable> crowded = bySchema.values().stream().filter(tables -> tables.size() >= 5).findFirst()
                .orElseThrow();
        TABLES.put("keep_a", crowded.get(0));
        TABLES.put("keep_b", crowded.get(1));
        TABLES.put("ren", crowded.get(2));
        TABLES.put("mov", crowded.get(3));
        TABLES.put("soft", crowded.get(4));
        OmTable elsewhere = plain.stream().filter(t -> !t.schema().equals(crowded.get(0).schema())).findFirst()
                .orElseThrow();
        TABLES.put("keep_c", elsewhere);
        // in a third schema, and renamed into a fourth that no other mapping is in: only a lookup by id finds it
        Set<OmSchema> taken = Set.of(crowded.get(0).schema(), elsewhere.schema());
        OmTable renMoved = plain.stream().filter(t -> !taken.contains(t.schema())
                && catalog.schemas().stream().anyMatch(s -> s.service().equals(t.schema().service())
                        && !s.equals(t.schema()) && !taken.contains(s))).findFirst().orElseThrow();
        TABLES.put("ren_moved", renMoved);
        otherSchema = catalog.schemas().stream()
                .filter(s -> s.service().equals(renMoved.schema().service()) && !s.equals(renMoved.schema())
                        && !taken.contains(s))
                .findFirst().orElseThrow();
        TABLES.put("hard", crowded.size() > 5 ? crowded.get(5)
                : plain.stream().filter(t -> taken.contains(t.schema()) && !TABLES.containsValue(t)).findFirst()
                        .orElseThrow());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static String spelling(OmTable table) {
        String schema = table.schema().service().type().hasDatabases()
                ? table.schema().database().name() + "." + table.schema().name() : table.schema().name();
        return (schema + "." + table.name()).toLowerCase(Locale.ROOT);
    }

    /** An asset spelling its table as the matching rules find it: the service's name, database, schema, table. */
    private static String assetJson(String assetId, OmTable table) {
        return """
                {"asset_id": "%s", "data_source_name": "%s", "database": "%s", "schema": "%s", "table": "%s"}"""
                .formatted(assetId, table.schema().service().name(), table.schema().database().name(),
                        table.schema().name(), table.name());
    }

    @BeforeEach
    void mapTheAssets() {
        jdbc.update("DELETE FROM scheduled_tasks");
        jdbc.update("DELETE FROM mapping_state");
        simulator.faults().clear();
        simulator.drift().reset();
        integrate();
        String assets = TABLES.entrySet().stream().map(e -> assetJson(e.getKey(), e.getValue()))
                .collect(Collectors.joining(",", "[", "]"));
        Answer put = putJson("/acme/assets", ALL_TENANTS_KEY, assets);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        TABLES.forEach((assetId, table) -> {
            Answer mapped = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                    "{\"asset_id\": \"" + assetId + "\", \"openmetadata_table_id\": \"" + table.id() + "\"}");
            assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        });
        simulator.resetStats();
    }

    private void integrate() {
        Answer put = putJson(INTEGRATION, ALL_TENANTS_KEY,
                "{\"url\": \"" + simulator.baseUrl() + "\", \"jwt_token\": \"" + Principal.DEMO_BOT_TOKEN + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private String verify(boolean repair) {
        Answer answer = call("POST", VERIFY + "?repair=" + repair, ALL_TENANTS_KEY, null, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo("Verifying OpenMetadata mappings started");
        return answer.json().get("job_id").asText();
    }

    private JsonNode finishedVerification(String jobId) {
        JsonNode job = finishedJob(VERIFY, jobId);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("kind").asText()).isEqualTo("verify");
        // the same report at the automatic job's path
        assertThat(get(AUTO + "?job_id=" + jobId, ALL_TENANTS_KEY).json()).isEqualTo(job);
        return job;
    }

    /** The stored mappings, by asset: every column the API shows. */
    private Map<String, Map<String, Object>> mappingRows() {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, service_name, database_name, schema_name, table_id, table_name, table_fqn"
                + " FROM openmetadata_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> rows.put((String) row.get("asset_id"), row));
        return rows;
    }

    /** The mapping_state rows of the tenant's OpenMetadata mappings: asset → state@table_id. */
    private Map<String, String> states(String jobId) {
        Map<String, String> states = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, table_id, state, CAST(job_id AS TEXT) AS job_id FROM mapping_state"
                + " WHERE tenant_id = 'acme' AND catalog = 'openmetadata'").forEach(row -> {
                    assertThat(row.get("job_id")).isEqualTo(jobId);
                    states.put((String) row.get("asset_id"), row.get("state") + "@" + row.get("table_id"));
                });
        return states;
    }

    private static Map<String, String> expectedStates(Map<String, String> notOk) {
        Map<String, String> states = new TreeMap<>();
        TABLES.forEach((assetId, table) -> states.put(assetId, "OK@" + table.id()));
        states.putAll(notOk);
        return states;
    }

    /** The tables the drift tests change, as they come out. */
    private record Drifted(OmTable renamed, OmTable renamedElsewhere, UUID movedId) {
    }

    private Drifted drift() {
        OmTable ren = TABLES.get("ren");
        OmTable renamed = simulator.drift().rename(ren.id(), ren.name() + "_v2");
        OmTable renMoved = TABLES.get("ren_moved");
        OmTable renamedElsewhere = simulator.drift().rename(renMoved.id(), renMoved.name() + "_v2",
                otherSchema.fullyQualifiedName());
        UUID movedId = simulator.drift().move(TABLES.get("mov").id());
        simulator.drift().drop(TABLES.get("soft").id(), false);
        simulator.drift().drop(TABLES.get("hard").id(), true);
        return new Drifted(renamed, renamedElsewhere, movedId);
    }

    /** The stored row of a mapping to this table, as the simulator has it now. */
    private static Map<String, Object> row(String assetId, OmTable table, UUID id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("asset_id", assetId);
        row.put("service_name", table.schema().service().name());
        row.put("database_name", table.schema().database().name());
        row.put("schema_name", table.schema().name());
        row.put("table_id", id);
        row.put("table_name", table.name());
        row.put("table_fqn", table.fullyQualifiedName());
        return row;
    }

    /** The rows as they were, but for the two renamed tables' mappings, refreshed. */
    private static Map<String, Map<String, Object>> renamedRows(Map<String, Map<String, Object>> before,
            Drifted drifted) {
        Map<String, Map<String, Object>> expected = new TreeMap<>(before);
        expected.put("ren", row("ren", drifted.renamed(), TABLES.get("ren").id()));
        expected.put("ren_moved", row("ren_moved", drifted.renamedElsewhere(), TABLES.get("ren_moved").id()));
        return expected;
    }

    /** The states drift() leads to, the moved mapping's about the table it points at after the verification. */
    private static Map<String, String> driftStates(UUID movedMappingTableId) {
        return Map.of("ren", "RENAMED@" + TABLES.get("ren").id(),
                "ren_moved", "RENAMED@" + TABLES.get("ren_moved").id(),
                "mov", "MOVED@" + movedMappingTableId,
                "soft", "GONE@" + TABLES.get("soft").id(),
                "hard", "GONE@" + TABLES.get("hard").id());
    }

    /** What GET ?state=stale lists: asset → state. */
    private Map<String, String> staleStates() {
        Map<String, String> states = new TreeMap<>();
        get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY).json()
                .forEach(m -> states.put(m.get("asset_id").asText(), m.get("state").asText()));
        return states;
    }

    private static List<String> assetIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.get("asset_id").asText()));
        return ids;
    }

    @Test
    void untouchedMappingsAreAllOkAndNothingIsRewrittenFromAFewSchemaListings() {
        Map<String, Map<String, Object>> before = mappingRows();

        String jobId = verify(false);
        JsonNode job = finishedVerification(jobId);

        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":8,\"ok\":8,\"renamed\":0,\"moved\":0,\"gone\":0,\"repaired\":0}");
        assertThat(job.get("result")).isEmpty();
        assertThat(job.get("renamed")).isEmpty();
        assertThat(job.get("moved")).isEmpty();
        assertThat(job.get("gone")).isEmpty();
        assertThat(job.get("repair").asBoolean()).isFalse();
        assertThat(mappingRows()).isEqualTo(before);
        assertThat(states(jobId)).isEqualTo(expectedStates(Map.of()));

        // one listing per schema mapped in (each one page), and no lookup by id: nothing was missing
        long schemas = TABLES.values().stream().map(OmTable::schema).distinct().count();
        assertThat(schemas).isEqualTo(3);
        assertThat(simulator.stats().count("tables", 200)).isEqualTo(schemas);
        assertThat(simulator.stats().count("table-by-id", 200)).isZero();
        assertThat(simulator.stats().count("table-by-id", 404)).isZero();
        assertThat(simulator.stats().total()).isEqualTo(schemas);
        assertThat(job.at("/progress/pages_read").asLong()).isEqualTo(schemas);

        Answer listed = get(MAPPINGS, ALL_TENANTS_KEY);
        assertThat(listed.json().findValuesAsText("state")).hasSize(8).containsOnly("OK");
        assertThat(get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY).json()).isEmpty();
    }

    @Test
    void withoutRepairRenamedTablesAreRefreshedAndMovedAndGoneOnesAreOnlyReported() {
        Map<String, Map<String, Object>> before = mappingRows();
        Drifted drifted = drift();

        String jobId = verify(false);
        JsonNode job = finishedVerification(jobId);

        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":8,\"ok\":3,\"renamed\":2,\"moved\":1,\"gone\":2,\"repaired\":0}");
        assertThat(assetIds(job.get("renamed"))).containsExactlyInAnyOrder("ren", "ren_moved");
        assertThat(assetIds(job.get("moved"))).containsExactly("mov");
        assertThat(assetIds(job.get("gone"))).containsExactlyInAnyOrder("soft", "hard");
        assertThat(job.get("moved").get(0).at("/mapping/table_id").asText()).isEqualTo(drifted.movedId().toString());
        assertThat(job.get("moved").get(0).at("/previous/table_id").asText())
                .isEqualTo(TABLES.get("mov").id().toString());
        assertThat(job.get("moved").get(0).get("repaired").asBoolean()).isFalse();
        job.get("gone").forEach(gone -> assertThat(gone.get("repaired").asBoolean()).isFalse());
        // only the renamed mappings are rewritten, with their names as OpenMetadata has them now
        assertThat(assetIds(job.get("result"))).containsExactlyInAnyOrder("ren", "ren_moved");

        Map<String, Map<String, Object>> expected = renamedRows(before, drifted);
        assertThat(mappingRows()).isEqualTo(expected);
        assertThat(mappingRows().get("ren_moved").get("schema_name")).isEqualTo(otherSchema.name());

        // the moved mapping's finding is about the table it still points at
        assertThat(states(jobId)).isEqualTo(expectedStates(driftStates(TABLES.get("mov").id())));

        assertThat(staleStates()).isEqualTo(Map.of("hard", "GONE", "mov", "MOVED", "ren", "RENAMED",
                "ren_moved", "RENAMED", "soft", "GONE"));

        // by id only the tables no schema listing showed: the one renamed into another schema (found), the
        // re-extracted and the hard-dropped one (404); the soft-dropped one was listed with include=all
        assertThat(simulator.stats().count("table-by-id", 200)).isEqualTo(1);
        assertThat(simulator.stats().count("table-by-id", 404)).isEqualTo(2);
    }

    @Test
    void withRepairMovedMappingsAreRepointedAndGoneOnesRemoved() {
        Map<String, Map<String, Object>> before = mappingRows();
        Drifted drifted = drift();

        String jobId = verify(true);
        JsonNode job = finishedVerification(jobId);

        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":8,\"ok\":3,\"renamed\":2,\"moved\":1,\"gone\":2,\"repaired\":3}");
        assertThat(job.get("repair").asBoolean()).isTrue();
        assertThat(assetIds(job.get("result"))).containsExactlyInAnyOrder("ren", "ren_moved", "mov");
        assertThat(job.get("moved").get(0).get("repaired").asBoolean()).isTrue();
        job.get("gone").forEach(gone -> assertThat(gone.get("repaired").asBoolean()).isTrue());

        Map<String, Map<String, Object>> expected = renamedRows(before, drifted);
        // re-extracted: the same names under the new id
        expected.put("mov", row("mov", TABLES.get("mov"), drifted.movedId()));
        expected.remove("soft");
        expected.remove("hard");
        assertThat(mappingRows()).isEqualTo(expected);

        // the re-pointed mapping's finding is about its new table; the removed mappings leave no finding
        Map<String, String> states = expectedStates(driftStates(drifted.movedId()));
        states.remove("soft");
        states.remove("hard");
        assertThat(states(jobId)).isEqualTo(states);

        // the removed mappings are no longer listed; the re-pointed one is, with its finding
        assertThat(staleStates()).isEqualTo(Map.of("mov", "MOVED", "ren", "RENAMED", "ren_moved", "RENAMED"));
        assertThat(get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY).json().findValuesAsText("table_id"))
                .contains(drifted.movedId().toString());

        // a second verification finds everything left as it now is
        String again = verify(false);
        JsonNode second = finishedVerification(again);
        assertThat(second.get("summary").toString())
                .isEqualTo("{\"mappings\":6,\"ok\":6,\"renamed\":0,\"moved\":0,\"gone\":0,\"repaired\":0}");
        assertThat(get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY).json()).isEmpty();
    }

    @Test
    void tablesGoneToASchemaTheBatchDidNotListAreFoundByOneLookupAndOneListingOfThatSchema() {
        // as when a schema is renamed: its tables keep their ids in a schema the mappings do not name
        OmTable a = TABLES.get("keep_a");
        OmTable b = TABLES.get("keep_b");
        OmTable movedA = simulator.drift().rename(a.id(), a.name() + "_x", otherSchema.fullyQualifiedName());
        OmTable movedB = simulator.drift().rename(b.id(), b.name() + "_x", otherSchema.fullyQualifiedName());

        JsonNode job = finishedVerification(verify(false));

        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":8,\"ok\":6,\"renamed\":2,\"moved\":0,\"gone\":0,\"repaired\":0}");
        assertThat(mappingRows().get("keep_a")).isEqualTo(row("keep_a", movedA, a.id()));
        assertThat(mappingRows().get("keep_b")).isEqualTo(row("keep_b", movedB, b.id()));
        // the batch's three schemas, then one lookup finds the first table and the listing of its new schema the other
        assertThat(simulator.stats().count("table-by-id", 200)).isEqualTo(1);
        assertThat(simulator.stats().count("table-by-id", 404)).isZero();
        assertThat(simulator.stats().count("tables", 200)).isEqualTo(4);
        // the report counts the check's requests as the wing made them: four listings and one lookup
        assertThat(job.at("/progress/pages_read").asLong()).isEqualTo(5);
    }

    @Test
    void aVerificationIsRefusedWithoutAnIntegrationAndWhileAJobRuns() {
        simulator.faults().latency(Duration.ofMillis(700));
        String running = verify(false);

        Answer second = call("POST", VERIFY, ALL_TENANTS_KEY, null, null);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("job_id").asText()).isEqualTo(running);
        Answer auto = call("POST", AUTO, ALL_TENANTS_KEY, null, null);
        assertThat(auto.status()).as(auto.body()).isEqualTo(409);
        assertThat(auto.json().get("job_id").asText()).isEqualTo(running);

        simulator.faults().clear();
        finishedVerification(running);

        assertThat(delete(INTEGRATION, ALL_TENANTS_KEY).status()).isEqualTo(200);
        Answer none = call("POST", VERIFY, ALL_TENANTS_KEY, null, null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asText())
                .isEqualTo("No OpenMetadata integration is configured for tenant acme");
        assertThat(call("POST", VERIFY + "?repair=maybe", ALL_TENANTS_KEY, null, null).status()).isEqualTo(400);
    }

    @Test
    void aPreviewReportsRowForRowWhatTheRunThenDoesAndWritesNoMapping() {
        // one mapping left as it is, one pointing at another table (to change), the rest unmapped (to create)
        for (String assetId : List.of("keep_b", "keep_c", "ren", "mov", "soft", "hard")) {
            assertThat(delete(MAPPINGS + "?asset_id=" + assetId, ALL_TENANTS_KEY).status()).isEqualTo(200);
        }
        Answer repointed = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"ren_moved\", \"openmetadata_table_id\": \"" + TABLES.get("keep_c").id() + "\"}");
        assertThat(repointed.status()).as(repointed.body()).isEqualTo(200);
        Map<String, Map<String, Object>> before = mappingRows();
        assertThat(before.keySet()).containsExactly("keep_a", "ren_moved");

        Answer started = call("POST", AUTO + "?should_overwrite=true&dry_run=true", ALL_TENANTS_KEY, null, null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("message").asText()).isEqualTo("Previewing OpenMetadata mappings started");
        JsonNode preview = finishedJob(AUTO, started.json().get("job_id").asText());
        assertThat(preview.get("status").asText()).as(preview.toString()).isEqualTo("COMPLETED");
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("result")).isEmpty();
        assertThat(mappingRows()).isEqualTo(before);

        assertThat(assetIds(preview.get("would_create")))
                .containsExactlyInAnyOrder("keep_b", "keep_c", "ren", "mov", "soft", "hard");
        assertThat(assetIds(preview.get("would_change"))).containsExactly("ren_moved");
        assertThat(preview.at("/would_change/0/previous_table_id").asText())
                .isEqualTo(TABLES.get("keep_c").id().toString());
        assertThat(assetIds(preview.get("would_leave"))).containsExactly("keep_a");

        JsonNode run = finishedJob(AUTO, startJob(AUTO + "?should_overwrite=true", "OpenMetadata"));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.get("summary")).isEqualTo(preview.get("summary"));

        // what the run wrote is, mapping for mapping, what the preview said it would create and change
        Set<JsonNode> wouldWrite = new HashSet<>();
        preview.get("would_create").forEach(wouldWrite::add);
        preview.get("would_change").forEach(change -> wouldWrite.add(change.get("mapping")));
        Set<JsonNode> written = new HashSet<>();
        run.get("result").forEach(written::add);
        assertThat(written).isEqualTo(wouldWrite);
        Map<String, Map<String, Object>> expected = new TreeMap<>(before);
        TABLES.forEach((assetId, table) -> expected.put(assetId, row(assetId, table, table.id())));
        assertThat(mappingRows()).isEqualTo(expected);
        // and the one it would leave it left
        assertThat(mappingRows().get("keep_a")).isEqualTo(before.get("keep_a"));
    }
}
