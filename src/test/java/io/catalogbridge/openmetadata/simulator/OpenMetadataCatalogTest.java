package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated catalog's rules: determinism, types, case, MySQL's default database, names, ids, soft deletes. */
class OpenMetadataCatalogTest {

    private final OpenMetadataCatalog catalog = new OpenMetadataCatalog(42, 20_000);

    @Test
    void theSameSeedAndSizeGiveTheSameCatalogAnotherSeedAnother() {
        OpenMetadataCatalog again = new OpenMetadataCatalog(42, 20_000);
        OpenMetadataCatalog other = new OpenMetadataCatalog(43, 20_000);
        assertThat(again.services()).isEqualTo(catalog.services());
        assertThat(again.schemas()).isEqualTo(catalog.schemas());
        assertThat(again.tables().limit(2_000).toList()).isEqualTo(catalog.tables().limit(2_000).toList());
        assertThat(other.tables().limit(100).map(OmTable::id).toList())
                .doesNotContainAnyElementsOf(catalog.tables().limit(100).map(OmTable::id).toList());
        assertThat(catalog.services()).hasSize(13);
        assertThat(catalog.tables().count()).isEqualTo(20_000);
    }

    @Test
    void snowflakeIsUpperCaseWithAnAccountPostgresLowerCaseWithHostPortAndDatabase() {
        OmService snowflake = first(ServiceType.SNOWFLAKE);
        assertThat(snowflake.account()).matches("[a-z]+(-[a-z]+)?").doesNotContain("snowflakecomputing");
        assertThat(snowflake.hostPort()).isNull();
        assertThat(tablesOf(snowflake)).allMatch(t -> t.name().equals(t.name().toUpperCase()))
                .allMatch(t -> t.schema().database().name().equals(t.schema().database().name().toUpperCase()));

        OmService postgres = first(ServiceType.POSTGRES);
        assertThat(postgres.hostPort()).matches("pg-\\d+\\.corp\\.example:543[23]");
        assertThat(postgres.database()).isEqualTo(catalog.databasesOf(postgres).get(0).name());
        assertThat(tablesOf(postgres)).allMatch(t -> t.name().equals(t.name().toLowerCase()));
    }

    @Test
    void mysqlAndOracleSchemasSitUnderTheDatabaseDefault() {
        for (ServiceType type : List.of(ServiceType.MYSQL, ServiceType.ORACLE)) {
            OmService service = first(type);
            List<OmDatabase> databases = catalog.databasesOf(service);
            assertThat(databases).extracting(OmDatabase::name).containsExactly("default");
            assertThat(databases.get(0).isDefault()).isTrue();
            assertThat(databases.get(0).fullyQualifiedName()).isEqualTo(service.name() + ".default");
            assertThat(service.database()).isNull();
        }
        assertThat(catalog.schemasOf(catalog.databasesOf(first(ServiceType.MYSQL)).get(0)))
                .extracting(OmSchema::name).contains("shop", "legacy.v1");
    }

    @Test
    void theSameTableNameInSeveralServices() {
        Map<String, Set<String>> servicesByName = catalog.tables().collect(Collectors.groupingBy(OmTable::name,
                Collectors.mapping(t -> t.schema().service().name(), Collectors.toSet())));
        assertThat(servicesByName.values()).anyMatch(services -> services.size() >= 3);
        assertThat(servicesByName.get("customer")).hasSizeGreaterThan(1);
    }

    @Test
    void dottedAndQuotedNamesAreQuotedInTheirFqns() {
        OmTable dotted = catalog.tables().filter(t -> t.name().contains(".") && !t.name().contains("\""))
                .findFirst().orElseThrow();
        assertThat(dotted.fullyQualifiedName()).endsWith(".\"" + dotted.name() + "\"");
        OmTable quoted = catalog.tables().filter(t -> t.name().contains("\"")).findFirst().orElseThrow();
        assertThat(quoted.fullyQualifiedName()).endsWith(".\"" + quoted.name().replace("\"", "\"\"") + "\"");
        assertThat(catalog.tables().filter(t -> t.name().contains("\""))).allMatch(t -> t.name().contains("."));
        OmSchema ledger = catalog.schemas().stream().filter(s -> s.name().equals("fin.ledger")).findFirst()
                .orElseThrow();
        assertThat(ledger.fullyQualifiedName()).isEqualTo(ledger.database().fullyQualifiedName() + ".\"fin.ledger\"");
    }

    @Test
    void everyTableIsFoundByItsIdAndItsFqnExactCaseOnly() {
        catalog.tables().filter(t -> t.index() % 97 == 0 || t.name().contains(".")).forEach(table -> {
            assertThat(catalog.table(table.id())).contains(table);
            assertThat(catalog.tableByFqn(table.fullyQualifiedName())).contains(table);
        });
        OmTable snowflake = tablesOf(first(ServiceType.SNOWFLAKE)).get(0);
        assertThat(catalog.tableByFqn(snowflake.fullyQualifiedName().toLowerCase())).isEmpty();
        assertThat(catalog.table(UUID.randomUUID())).isEmpty();
        assertThat(catalog.tableByFqn("a.b.c")).isEmpty();
    }

    @Test
    void oneTableInFiftyIsSoftDeletedAndTheCountsAgree() {
        long deleted = catalog.tables().filter(OmTable::deleted).count();
        assertThat(deleted).isBetween(20_000L / 50 - catalog.schemas().size(), 20_000L / 50 + catalog.schemas()
                .size());
        assertThat(catalog.schemas().stream().mapToLong(s -> OpenMetadataCatalog.visible(s.size(), Include.DELETED))
                .sum()).isEqualTo(deleted);
        assertThat(catalog.tables().filter(t -> t.tableType().equals("View")).count()).isBetween(1_600L, 2_400L);
    }

    @Test
    void aMillionTablesCostOnlyTheirSchemasAndNoSchemaOutgrowsItsNames() {
        OpenMetadataCatalog large = new OpenMetadataCatalog(42, 1_000_000);
        assertThat(large.schemas()).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(large.schemas()).allMatch(s -> s.size() <= TableVocabulary.NAMES);
        assertThat(large.schemas().stream().mapToLong(OmSchema::size).sum()).isEqualTo(1_000_000);
        OmTable last = large.table(999_999);
        assertThat(large.table(last.id())).contains(last);
        assertThat(large.tableByFqn(last.fullyQualifiedName())).contains(last);
    }

    @Test
    void positionsAndNameSlotsMapBothWays() {
        for (OmSchema schema : catalog.schemas()) {
            for (int position = 0; position < schema.size(); position += 37) {
                OmTable table = catalog.tableAt(schema, position);
                int slot = TableVocabulary.slot(schema.nameCase(), table.name());
                assertThat(OpenMetadataCatalog.positionOf(schema, slot)).isEqualTo(position);
            }
        }
    }

    private OmService first(ServiceType type) {
        return catalog.services().stream().filter(s -> s.type() == type).findFirst().orElseThrow();
    }

    private List<OmTable> tablesOf(OmService service) {
        return catalog.tables().filter(t -> t.schema().service() == service).toList();
    }
}
