package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** OpenMetadata's part of verifying mappings, without a server: the search a check makes and the refresh. */
class OpenMetadataMappingChecksTest {

    private static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private final OpenMetadataMappingChecks checks = new OpenMetadataMappingChecks();

    private static OpenMetadataMapping mapping(String assetId, String schema, UUID tableId) {
        return new OpenMetadataMapping(assetId, "pg_prod", "sales", schema, tableId, "t", "pg_prod.sales.x.t");
    }

    private static OpenMetadataTable table(UUID id, String name, Boolean deleted) {
        return new OpenMetadataTable(id, name, "pg_prod.sales.public." + name, "Regular", deleted, "Postgres",
                new OpenMetadataEntityReference(SERVICE, "databaseService", "pg_prod", "pg_prod", null, null),
                new OpenMetadataEntityReference(UUID.randomUUID(), "database", "sales", "pg_prod.sales", null, null),
                new OpenMetadataEntityReference(UUID.randomUUID(), "databaseSchema", "public",
                        "pg_prod.sales.public", null, null));
    }

    @Test
    void aBatchListsEachOfItsSchemasOnceByItsQuotedFqnAndLooksUpOnlyWhatNoListingShowed() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        OpenMetadataMappingChecks.Search search = checks.search(List.of(mapping("a", "public", a),
                mapping("b", "fin.ledger", b), mapping("c", "public", c)));

        assertThat(search.schemas()).containsExactly("pg_prod.sales.public", "pg_prod.sales.\"fin.ledger\"");
        assertThat(checks.schemaFilters(search, 1))
                .isEqualTo(Map.of("databaseSchema", "pg_prod.sales.\"fin.ledger\"", "include", "all"));

        search.keep(table(a, "t", false));
        search.keep(table(UUID.randomUUID(), "other", false)); // not the batch's: not kept
        checks.found(search, table(c, "t", true));
        assertThat(search.unfound()).containsExactly(b);
        assertThat(checks.lookup(search.unfound(), 0).path()).isEqualTo("/v1/tables/" + b);
        assertThat(search.tables()).extracting(OpenMetadataTable::id).containsExactly(a, c);

        // a table found by id in a schema no listing read: that schema is listed, once
        assertThat(checks.stillUnfound(search, checks.lookup(search.unfound(), 0))).isTrue();
        assertThat(checks.newSchemaFilters(search, table(b, "t", false))).isNull(); // pg_prod.sales.public: listed
        OpenMetadataTable elsewhere = new OpenMetadataTable(b, "t", "pg_prod.sales.archive.t", "Regular", false,
                "Postgres", table(b, "t", false).service(), table(b, "t", false).database(),
                new OpenMetadataEntityReference(UUID.randomUUID(), "databaseSchema", "archive",
                        "pg_prod.sales.archive", null, null));
        assertThat(checks.newSchemaFilters(search, elsewhere))
                .isEqualTo(Map.of("databaseSchema", "pg_prod.sales.archive", "include", "all"));
        assertThat(checks.newSchemaFilters(search, elsewhere)).isNull();
        checks.found(search, elsewhere);
        assertThat(checks.stillUnfound(search, checks.lookup(List.of(b), 0))).isFalse();
    }

    @Test
    void aTableRefreshesItsMappingUnlessItIsSoftDeletedOrUnusable() {
        UUID id = UUID.randomUUID();
        OpenMetadataMapping old = mapping("a", "public", id);

        assertThat(checks.refreshed(old, table(id, "t_v2", null)))
                .isEqualTo(new OpenMetadataMapping("a", "pg_prod", "sales", "public", id, "t_v2",
                        "pg_prod.sales.public.t_v2"));
        assertThat(checks.refreshed(old, table(id, "t", true))).isNull();
        assertThat(checks.refreshed(old, table(id, null, false))).isNull();
    }

    @Test
    void aRowOfThePageQueryIsAMapping() {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new HashMap<>(Map.of("asset_id", "a", "service_name", "pg_prod",
                "database_name", "sales", "schema_name", "public", "table_id", id, "table_name", "t",
                "table_fqn", "pg_prod.sales.x.t", "state", "OK"));
        assertThat(checks.mapping(row)).isEqualTo(mapping("a", "public", id));
        assertThat(checks.tableId(checks.mapping(row))).isEqualTo(id);
        assertThat(checks.catalog()).isEqualTo("openmetadata");
        assertThat(checks.checkBatchSize()).isEqualTo(10_000);
    }
}
