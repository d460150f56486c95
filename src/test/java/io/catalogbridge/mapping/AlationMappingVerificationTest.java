package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.alation.simulator.SimulatedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification of Alation mappings ({@code POST .../mappings/alation/verify[?repair=]}) against the Alation simulator,
 * whose tables are renamed, moved (re-extracted under a new id) and dropped while the mappings stay: what each
 * mapping is found to be, what the report, the mapping rows and {@code mapping_state} say, with and without repair,
 * and how few requests it takes.
 */
class AlationMappingVerificationTest extends AlationSimulatorMappingSupport {

    private List<SimulatedTable> tables;
    private String renamedTo;
    private long movedTo;

    @BeforeEach
    void mapAssetsThenDrift() {
        simulator.drift().reset();
        tables = uniquelyNamedTables(5);
        List<String> names = List.of("ok-0", "ok-1", "ren", "mov", "gone");
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            assets.add(assetOf(names.get(i), tables.get(i)));
        }
        registerAssets(assets);
        for (int i = 0; i < names.size(); i++) {
            map(names.get(i), tables.get(i));
        }
        renamedTo = tables.get(2).name() + "_v2";
        simulator.drift().rename(tables.get(2).id(), renamedTo);
        movedTo = simulator.drift().move(tables.get(3).id());
        simulator.drift().drop(tables.get(4).id());
        simulator.resetStats();
    }

    @Test
    void withoutRepairEachMappingIsReportedAndOnlyRenamedNamesAreRefreshed() {
        JsonNode job = finished(start(VERIFY, "Verifying Alation mappings started"));

        assertThat(job.get("kind").asText()).isEqualTo("verify");
        assertThat(job.get("repair").asBoolean()).isFalse();
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":5,\"ok\":2,\"renamed\":1,\"moved\":1,\"gone\":1,\"repaired\":0}");
        assertThat(job.at("/renamed/0/asset_id").asText()).isEqualTo("ren");
        assertThat(job.at("/renamed/0/previous/table_name").asText()).isEqualTo(tables.get(2).name());
        assertThat(job.at("/renamed/0/mapping/table_name").asText()).isEqualTo(renamedTo);
        assertThat(job.at("/renamed/0/mapping/table_id").asLong()).isEqualTo(tables.get(2).id());
        assertThat(job.at("/moved/0/asset_id").asText()).isEqualTo("mov");
        assertThat(job.at("/moved/0/previous/table_id").asLong()).isEqualTo(tables.get(3).id());
        assertThat(job.at("/moved/0/mapping/table_id").asLong()).isEqualTo(movedTo);
        assertThat(job.at("/moved/0/repaired").asBoolean()).isFalse();
        assertThat(job.at("/gone/0/asset_id").asText()).isEqualTo("gone");
        assertThat(job.at("/gone/0/reason").asText()).contains("No table under id " + tables.get(4).id());
        assertThat(job.at("/gone/0").has("mapping")).isFalse();
        assertThat(job.get("result").findValuesAsText("asset_id")).containsExactly("ren");
        assertThat(job.has("would_create")).isFalse();
        assertThat(job.has("ambiguous")).isFalse();

        // the rows: the renamed mapping's names (and key) refreshed, the others as they were
        Map<String, Map<String, Object>> rows = mappingRows();
        assertThat(rows.get("ren").get("table_name")).isEqualTo(renamedTo);
        assertThat((String) rows.get("ren").get("table_key")).endsWith(renamedTo);
        assertThat(((Number) rows.get("mov").get("table_id")).longValue()).isEqualTo(tables.get(3).id());
        assertThat(rows).containsKey("gone");
        assertThat(states()).isEqualTo(Map.of("ok-0", "OK", "ok-1", "OK", "ren", "RENAMED", "mov", "MOVED",
                "gone", "GONE"));

        // the mappings answer their state; ?state=stale the ones not OK
        Answer all = get(MAPPINGS, ALL_TENANTS_KEY);
        assertThat(all.json().findValuesAsText("state")).containsExactly("GONE", "MOVED", "OK", "OK", "RENAMED");
        Answer stale = get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().findValuesAsText("asset_id")).containsExactly("gone", "mov", "ren");
        assertThat(stale.json().findValuesAsText("state")).containsExactly("GONE", "MOVED", "RENAMED");
        assertThat(get(MAPPINGS + "?state=fresh", ALL_TENANTS_KEY).status()).isEqualTo(400);
        Answer status = get("/acme/configuration/integrations/alation/status", ALL_TENANTS_KEY);
        assertThat(status.json().get("stale_mappings").asInt()).isEqualTo(3);
        assertThat(status.json().get("mappings").asInt()).isEqualTo(5);

        // one request checked the five ids; the two missing ones were looked for in their schemas only
        long tableRequests = simulator.stats().responses().byEndpoint().getOrDefault("table", 0L);
        assertThat(tableRequests).isBetween(2L, 3L);
    }

    @Test
    void withRepairMovedMappingsAreRepointedAndGoneOnesRemoved() {
        JsonNode job = finished(start(VERIFY + "?repair=true", "Verifying Alation mappings started"));

        assertThat(job.get("repair").asBoolean()).isTrue();
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":5,\"ok\":2,\"renamed\":1,\"moved\":1,\"gone\":1,\"repaired\":2}");
        assertThat(job.at("/moved/0/repaired").asBoolean()).isTrue();
        assertThat(job.at("/gone/0/repaired").asBoolean()).isTrue();
        assertThat(job.get("result").findValuesAsText("asset_id")).containsExactly("mov", "ren");

        Map<String, Map<String, Object>> rows = mappingRows();
        assertThat(rows.keySet()).containsExactly("mov", "ok-0", "ok-1", "ren");
        assertThat(((Number) rows.get("mov").get("table_id")).longValue()).isEqualTo(movedTo);
        assertThat(rows.get("mov").get("table_name")).isEqualTo(tables.get(3).name());
        assertThat(rows.get("ren").get("table_name")).isEqualTo(renamedTo);
        Answer stale = get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY);
        assertThat(stale.json().findValuesAsText("asset_id")).containsExactly("mov", "ren");
        assertThat(stale.json().at("/0/table_id").asLong()).isEqualTo(movedTo);

        // verified again, every mapping is as the catalog has it
        JsonNode again = finished(start(VERIFY, "Verifying Alation mappings started"));
        assertThat(again.get("summary").toString())
                .isEqualTo("{\"mappings\":4,\"ok\":4,\"renamed\":0,\"moved\":0,\"gone\":0,\"repaired\":0}");
        assertThat(get(MAPPINGS + "?state=stale", ALL_TENANTS_KEY).json()).isEmpty();
        assertThat(states().values()).containsOnly("OK");
    }

    @Test
    void manyMappingsAreCheckedAFewHundredIdsARequest() {
        simulator.drift().reset();
        jdbc.update("DELETE FROM alation_mapping");
        List<SimulatedTable> many = simulator.catalog().tables().limit(1_500).toList();
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < many.size(); i++) {
            assets.add("{\"asset_id\": \"m-" + (1000 + i) + "\", \"schema\": \"s\", \"table\": \"t\"}");
        }
        registerAssets(assets);
        for (int i = 0; i < many.size(); i++) {
            SimulatedTable t = many.get(i);
            jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                    + " schema_name, table_id, table_name, table_key) VALUES ('acme', ?, ?, ?, ?, ?, ?, ?, ?)",
                    "m-" + (1000 + i), t.dsId(), simulator.catalog().dataSource(t.dsId()).orElseThrow().title(),
                    t.schemaId(), t.schemaName(), t.id(), t.name(), t.key());
        }
        simulator.resetStats();

        JsonNode job = finished(start(VERIFY, "Verifying Alation mappings started"));

        assertThat(job.get("summary").toString())
                .isEqualTo("{\"mappings\":1500,\"ok\":1500,\"renamed\":0,\"moved\":0,\"gone\":0,\"repaired\":0}");
        // 1,500 ids (two pages of the database's mappings), 250 a request: 6 requests, no listing of any schema
        assertThat(simulator.stats().responses().byEndpoint().get("table")).isEqualTo(6L);
        assertThat(job.at("/progress/pages_read").asLong()).isEqualTo(6);
        assertThat(job.at("/progress/tables_read").asLong()).isEqualTo(1_500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_state WHERE state = 'OK'", Integer.class))
                .isEqualTo(1_500);
        // the listing streams both pages, every mapping once, in asset_id order, each with its state
        JsonNode listed = get(MAPPINGS, ALL_TENANTS_KEY).json();
        assertThat(listed).hasSize(1_500);
        assertThat(listed.get(0).get("asset_id").asText()).isEqualTo("m-1000");
        assertThat(listed.get(1_499).get("asset_id").asText()).isEqualTo("m-2499");
        assertThat(listed.findValuesAsText("state")).hasSize(1_500).containsOnly("OK");
    }

    private Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, state FROM mapping_state WHERE tenant_id = 'acme' AND catalog = 'alation'")
                .forEach(row -> states.put((String) row.get("asset_id"), (String) row.get("state")));
        return states;
    }
}
