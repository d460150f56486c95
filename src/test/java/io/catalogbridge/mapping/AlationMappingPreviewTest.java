package io.catalogbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.alation.simulator.SimulatedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The preview of an automatic run ({@code POST .../auto?dry_run=true}) against the Alation simulator: the same job
 * writing no mapping, whose report says what the real run then does, row for row.
 */
class AlationMappingPreviewTest extends AlationSimulatorMappingSupport {

    private List<SimulatedTable> tables;
    private List<SimulatedTable> twins;

    @BeforeEach
    void registerAssets() {
        tables = uniquelyNamedTables(6);
        twins = spelledAlikeInTwoDataSources();
        List<String> assets = new ArrayList<>();
        assets.add(assetOf("new-0", tables.get(0)));
        assets.add(assetOf("new-1", tables.get(1)));
        assets.add(assetOf("chg", tables.get(2)));
        assets.add(assetOf("same", tables.get(3)));
        assets.add("{\"asset_id\": \"amb\", \"schema\": " + quoted(twins.get(0).schemaName()) + ", \"table\": "
                + quoted(twins.get(0).name()) + "}");
        assets.add("{\"asset_id\": \"none\", \"schema\": \"public\", \"table\": \"no_table_is_named_so\"}");
        registerAssets(assets);
        map("chg", tables.get(5));
        map("same", tables.get(3));
    }

    /** Two tables of two data sources with the same schema and name, spelled alike: an asset naming neither source is ambiguous. */
    private static List<SimulatedTable> spelledAlikeInTwoDataSources() {
        Map<String, List<SimulatedTable>> bySpelling = simulator.catalog().tables()
                .collect(Collectors.groupingBy(t -> t.schemaName() + "." + t.name()));
        return bySpelling.values().stream()
                .filter(group -> group.size() == 2 && group.get(0).dsId() != group.get(1).dsId())
                .filter(group -> simulator.catalog().tables().filter(t -> t.name().toLowerCase(Locale.ROOT)
                        .equals(group.get(0).name().toLowerCase(Locale.ROOT))).count() == 2)
                .findFirst().orElseThrow();
    }

    @Test
    void aPreviewWritesNothingAndSaysWhatTheRealRunThenDoesRowForRow() {
        Map<String, Map<String, Object>> before = mappingRows();

        JsonNode preview = finished(start(AUTO + "?dry_run=true&should_overwrite=true",
                "Previewing Alation mappings started"));

        assertThat(preview.get("kind").asText()).isEqualTo("auto");
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("result")).isEmpty();
        assertThat(preview.get("would_create").findValuesAsText("asset_id")).containsExactly("new-0", "new-1");
        assertThat(preview.at("/would_create/0/table_id").asLong()).isEqualTo(tables.get(0).id());
        assertThat(preview.at("/would_create/1/table_id").asLong()).isEqualTo(tables.get(1).id());
        assertThat(preview.get("would_change")).hasSize(1);
        assertThat(preview.at("/would_change/0/asset_id").asText()).isEqualTo("chg");
        assertThat(preview.at("/would_change/0/previous_table_id").asLong()).isEqualTo(tables.get(5).id());
        assertThat(preview.at("/would_change/0/mapping/table_id").asLong()).isEqualTo(tables.get(2).id());
        assertThat(preview.at("/would_change/0/mapping/table_name").asText()).isEqualTo(tables.get(2).name());
        assertThat(preview.get("would_leave")).hasSize(1);
        assertThat(preview.at("/would_leave/0/asset_id").asText()).isEqualTo("same");
        assertThat(preview.at("/would_leave/0/table_id").asLong()).isEqualTo(tables.get(3).id());
        assertThat(preview.at("/would_leave/0/reason").asText()).isEqualTo("Already mapped to the table it matches");
        assertThat(preview.at("/ambiguous/0/asset_id").asText()).isEqualTo("amb");
        assertThat(longs(preview.at("/ambiguous/0/candidate_table_ids")))
                .containsExactlyInAnyOrder(twins.get(0).id(), twins.get(1).id());
        assertThat(preview.at("/unmatched/0/asset_id").asText()).isEqualTo("none");
        assertThat(preview.get("summary").toString())
                .isEqualTo("{\"assets\":6,\"mapped\":3,\"unchanged\":1,\"ambiguous\":1,\"unmatched\":1}");
        // nothing written: the rows are as they were, and the preview's row says what it was
        assertThat(mappingRows()).isEqualTo(before);
        assertThat(jdbc.queryForMap("SELECT kind, dry_run, status FROM mapping_job WHERE job_id = ?::uuid",
                preview.get("job_id").asText()))
                .isEqualTo(Map.of("kind", "auto", "dry_run", true, "status", "COMPLETED"));

        JsonNode real = finished(start(AUTO + "?should_overwrite=true", "Creating Alation mappings started"));

        assertThat(real.get("dry_run").asBoolean()).isFalse();
        assertThat(real.has("would_create")).isFalse();
        List<JsonNode> predicted = new ArrayList<>();
        preview.get("would_create").forEach(predicted::add);
        preview.get("would_change").forEach(change -> predicted.add(change.get("mapping")));
        predicted.sort((a, b) -> a.get("asset_id").asText().compareTo(b.get("asset_id").asText()));
        List<JsonNode> written = new ArrayList<>();
        real.get("result").forEach(written::add);
        assertThat(written).isEqualTo(predicted);
        assertThat(real.get("summary")).isEqualTo(preview.get("summary"));
        assertThat(real.get("ambiguous")).isEqualTo(preview.get("ambiguous"));
        assertThat(real.get("unmatched")).isEqualTo(preview.get("unmatched"));
        assertThat(mappedTableIds()).isEqualTo(Map.of("new-0", tables.get(0).id(), "new-1", tables.get(1).id(),
                "chg", tables.get(2).id(), "same", tables.get(3).id()));
    }

    @Test
    void withoutOverwriteAPreviewLeavesEveryMappedAsset() {
        JsonNode preview = finished(start(AUTO + "?dry_run=true", "Previewing Alation mappings started"));

        assertThat(preview.get("would_change")).isEmpty();
        assertThat(preview.get("would_leave").findValuesAsText("asset_id")).containsExactly("chg", "same");
        assertThat(preview.at("/would_leave/0/table_id").asLong()).isEqualTo(tables.get(5).id());
        assertThat(preview.at("/would_leave/0/reason").asText())
                .isEqualTo("Already mapped, and should_overwrite is false");
        assertThat(preview.get("would_create").findValuesAsText("asset_id")).containsExactly("new-0", "new-1");
        assertThat(mappedTableIds()).isEqualTo(Map.of("chg", tables.get(5).id(), "same", tables.get(3).id()));
    }

    @Test
    void aPreviewOrAVerificationWhileAJobRunsIs409AndABadDryRunIs400() {
        String running = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO mapping_job (job_id, tenant_id, catalog, status, should_overwrite)"
                + " VALUES (?::uuid, 'acme', 'alation', 'IN_PROGRESS', false)", running);

        for (String path : List.of(AUTO + "?dry_run=true", VERIFY, VERIFY + "?repair=true")) {
            Answer answer = call("POST", path, ALL_TENANTS_KEY, null, null);
            assertThat(answer.status()).as(path).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("job_id").asText()).isEqualTo(running);
        }
        Answer bad = call("POST", AUTO + "?dry_run=maybe", ALL_TENANTS_KEY, null, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("dry_run");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job", Integer.class)).isEqualTo(1);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }
}
