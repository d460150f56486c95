package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbridge.alation.simulator.SimulatedDataSource.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SimulatedCatalogTest {

    private static final SimulatedCatalog CATALOG = new SimulatedCatalog(42, 20_000);

    @Test
    void theSameSeedAndSizeGiveTheSameCatalogAndAnotherSeedAnotherOne() {
        SimulatedCatalog again = new SimulatedCatalog(42, 20_000);
        assertThat(again.dataSources()).isEqualTo(CATALOG.dataSources());
        assertThat(again.schemas()).isEqualTo(CATALOG.schemas());
        assertThat(again.tables().toList()).isEqualTo(CATALOG.tables().toList());

        SimulatedCatalog other = new SimulatedCatalog(43, 20_000);
        assertThat(other.tableCount()).isEqualTo(20_000);
        assertThat(other.dataSources()).isNotEqualTo(CATALOG.dataSources());
        assertThat(other.schemas()).isNotEqualTo(CATALOG.schemas());
        long sameNames = LongStream.range(0, 20_000).filter(i -> CATALOG.table(SimulatedCatalog.FIRST_TABLE_ID + i)
                .orElseThrow().name().equals(other.table(SimulatedCatalog.FIRST_TABLE_ID + i).orElseThrow().name()))
                .count();
        assertThat(sameNames).isLessThan(1_000);
    }

    @Test
    void idsShareOneSpaceInDisjointRangesAndTablesAreComputedFromTheirId() {
        int sources = CATALOG.dataSources().size();
        assertThat(CATALOG.dataSources()).extracting(SimulatedDataSource::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, sources).boxed().toList());
        assertThat(CATALOG.schemas().get(0).id()).isEqualTo(SimulatedCatalog.FIRST_SCHEMA_ID);
        assertThat(CATALOG.schemas()).extracting(SimulatedSchema::id).isSorted().doesNotHaveDuplicates();
        assertThat(CATALOG.schemas().stream().mapToInt(SimulatedSchema::tableCount).sum()).isEqualTo(20_000);

        long first = SimulatedCatalog.FIRST_TABLE_ID;
        assertThat(CATALOG.tables().map(SimulatedTable::id).toList())
                .containsExactlyElementsOf(LongStream.range(first, first + 20_000).boxed().toList());
        for (long notATable : new long[] {1, sources, SimulatedCatalog.FIRST_SCHEMA_ID, first - 1, first + 20_000}) {
            assertThat(CATALOG.table(notATable)).as("id %d", notATable).isEmpty();
        }
        for (SimulatedSchema schema : CATALOG.schemas()) {
            List<SimulatedTable> tables = CATALOG.tablesInSchema(schema.id()).toList();
            assertThat(tables).extracting(SimulatedTable::id).containsExactlyElementsOf(schema.tableIds().boxed()
                    .toList());
            assertThat(tables).allSatisfy(table -> {
                assertThat(table).isEqualTo(CATALOG.table(table.id()).orElseThrow());
                assertThat(table.schemaId()).isEqualTo(schema.id());
                assertThat(table.schemaName()).isEqualTo(schema.name());
                assertThat(table.dsId()).isEqualTo(schema.dsId());
                assertThat(table.url()).isEqualTo("/table/" + table.id() + "/");
            });
        }
        assertThat(CATALOG.tablesInSchema(1)).isEmpty();
    }

    @Test
    void aCatalogOfAHundredMillionTablesCostsOnlyItsSchemas() {
        SimulatedCatalog huge = new SimulatedCatalog(7, SimulatedCatalog.MAX_TABLES);
        long last = SimulatedCatalog.FIRST_TABLE_ID + SimulatedCatalog.MAX_TABLES - 1;
        assertThat(huge.table(last)).hasValueSatisfying(table -> assertThat(table.schemaId())
                .isEqualTo(huge.schemas().get(huge.schemas().size() - 1).id()));
        assertThat(huge.table(last + 1)).isEmpty();
        assertThat(huge.schemas()).hasSize(100_000);
        assertThat(huge.dataSources()).hasSizeBetween(40, 60);
        assertThatThrownBy(() -> new SimulatedCatalog(7, SimulatedCatalog.MAX_TABLES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionTableCatalogHasAFewDozenSourcesAndSchemasOfUpToAFewThousandTables() {
        SimulatedCatalog million = new SimulatedCatalog(42, 1_000_000);
        assertThat(million.dataSources()).hasSize(28);
        assertThat(million.schemas()).hasSize(1_000);
        IntSummaryStatistics sizes = million.schemas().stream().mapToInt(SimulatedSchema::tableCount)
                .summaryStatistics();
        assertThat(sizes.getMin()).isGreaterThanOrEqualTo(100);
        assertThat(sizes.getMax()).isBetween(2_000, 5_000);
        assertThat(million.dataSources()).allSatisfy(source -> assertThat(million.schemas(source.id())).isNotEmpty());
    }

    @Test
    void everyTypeAppearsAndTheSourcesAreHalfNativeHalfConnector() {
        SimulatedCatalog large = new SimulatedCatalog(42, 100_000); // 19 sources: every type more than once
        Map<Kind, List<SimulatedDataSource>> byKind = large.dataSources().stream()
                .collect(Collectors.groupingBy(SimulatedDataSource::kind));
        assertThat(Math.abs(byKind.get(Kind.NATIVE).size() - byKind.get(Kind.CONNECTOR).size())).isLessThanOrEqualTo(1);
        assertThat(large.dataSources()).extracting(SimulatedDataSource::dbType)
                .containsAll(EnumSet.allOf(DbType.class));
        assertThat(byKind.get(Kind.NATIVE)).extracting(SimulatedDataSource::dbType).hasSizeGreaterThanOrEqualTo(6);
        assertThat(byKind.get(Kind.CONNECTOR)).extracting(SimulatedDataSource::dbType).hasSizeGreaterThanOrEqualTo(6);
        for (DbType type : DbType.values()) {
            assertThat(large.dataSources()).filteredOn(source -> source.dbType() == type).as(type.name())
                    .extracting(SimulatedDataSource::kind).contains(Kind.NATIVE, Kind.CONNECTOR);
        }
        assertThat(large.dataSources()).extracting(source -> source.title().toLowerCase(Locale.ROOT))
                .doesNotHaveDuplicates();
    }

    @Test
    void connectionsAreInTheUriInEachDriversDialectWithSomeDefaultPortsLeftOut() {
        SimulatedCatalog large = new SimulatedCatalog(42, 1_000_000);
        for (SimulatedDataSource source : large.dataSources()) {
            String port = source.uri().contains(source.host() + ":" + source.port()) ? ":" + source.port() : "";
            String expected = switch (source.dbType()) {
                case POSTGRESQL, MYSQL, REDSHIFT -> source.dbType().alationName() + "://" + source.host() + port + "/"
                        + source.dbName();
                case ORACLE -> "oracle:thin:@//" + source.host() + port + "/" + source.dbName();
                case SQLSERVER -> "sqlserver://" + source.host() + port + ";databaseName=" + source.dbName();
                case SNOWFLAKE -> "snowflake://" + source.host() + port + "/?db=" + source.dbName();
                case BIGQUERY -> "bigquery://https://" + source.host() + port + "/bigquery/v2;ProjectId="
                        + source.dbName() + ";OAuthType=0;";
                case DATABRICKS -> source.uri(); // checked below: its path and parameters vary
            };
            assertThat(source.uri()).as(source.toString()).isEqualTo(expected);
            if (port.isEmpty()) {
                assertThat(source.port()).as("only a default port is left out")
                        .isEqualTo(source.dbType().defaultPort());
            }
        }
        assertThat(large.dataSources()).filteredOn(source -> source.dbType() == DbType.DATABRICKS)
                .allSatisfy(source -> assertThat(source.uri()).startsWith("databricks://" + source.host())
                        .endsWith(";ConnCatalog=" + source.dbName()));
        assertThat(large.dataSources()).anySatisfy(source ->
                assertThat(source.uri()).doesNotContain(":" + source.port()));
        assertThat(large.dataSources()).anySatisfy(source ->
                assertThat(source.port()).isNotEqualTo(source.dbType().defaultPort()));
        assertThat(large.dataSources()).extracting(SimulatedDataSource::uri).contains(
                "postgresql://pg-1.example.internal/dwh",
                "sqlserver://mssql-1.example.internal:1433;databaseName=adventureworks");
    }

    @Test
    void multipartTypesNameSchemasDatabaseDotSchema() {
        for (SimulatedSchema schema : CATALOG.schemas()) {
            SimulatedDataSource source = CATALOG.dataSource(schema.dsId()).orElseThrow();
            assertThat(schema.isMultipart()).as(schema.name()).isEqualTo(source.dbType().multipartSchema());
            if (schema.isMultipart()) {
                assertThat(schema.name()).isEqualTo(schema.database() + "." + schema.schema());
                assertThat(schema.key()).isEqualTo(AlationKeys.key(schema.dsId(), schema.database(), schema.schema()));
            } else {
                assertThat(schema.name()).isEqualTo(schema.schema());
                assertThat(schema.key()).isEqualTo(AlationKeys.key(schema.dsId(), schema.schema()));
            }
        }
        // the first schema of a source is its type's usual one, in the source's own database
        assertThat(CATALOG.dataSources()).allSatisfy(source -> {
            SimulatedSchema first = CATALOG.schemas(source.id()).get(0);
            String usual = switch (source.dbType()) {
                case POSTGRESQL, REDSHIFT -> "public";
                case MYSQL -> "shop";
                case ORACLE -> "HR";
                case SQLSERVER -> "dbo";
                case SNOWFLAKE -> "PUBLIC";
                case BIGQUERY -> "analytics_271828";
                case DATABRICKS -> "default";
            };
            assertThat(first.schema()).isEqualTo(usual);
            if (first.isMultipart()) {
                assertThat(first.database()).isEqualTo(source.dbName());
            }
        });
        assertThat(CATALOG.schemas()).extracting(SimulatedSchema::name).contains("adventureworks.dbo");
    }

    @Test
    void schemaAndTableNamesMixTheirCase() {
        assertThat(new SimulatedCatalog(42, 1_000_000).schemas()).extracting(SimulatedSchema::schema)
                .anyMatch(name -> !name.equals(name.toLowerCase(Locale.ROOT))
                        && !name.equals(name.toUpperCase(Locale.ROOT)))
                .anyMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)))
                .anyMatch(name -> name.equals(name.toUpperCase(Locale.ROOT)));
        List<String> names = CATALOG.tables().map(SimulatedTable::name).toList();
        assertThat(names).anyMatch(name -> name.matches("[a-z0-9_]+"))
                .anyMatch(name -> name.matches("[A-Z0-9_]+"))
                .anyMatch(name -> name.matches("[A-Z][a-z]+[A-Z][A-Za-z0-9]*"));
    }

    @Test
    void aboutOneTableInTenIsAViewAndOneInAHundredHasADot() {
        List<SimulatedTable> tables = CATALOG.tables().toList();
        assertThat(tables.stream().filter(SimulatedTable::isView).count()).isBetween(1_600L, 2_400L);
        assertThat(tables).extracting(SimulatedTable::tableType).containsOnly("TABLE", "VIEW");
        List<SimulatedTable> dotted = tables.stream().filter(table -> table.name().contains(".")).toList();
        assertThat(dotted.size()).isBetween(150, 250);
        assertThat(tables).anySatisfy(table -> assertThat(table.name()).contains("\""));
        assertThat(tables).filteredOn(table -> !table.title().isEmpty()).hasSizeBetween(5_000, 8_000);
        assertThat(tables).filteredOn(table -> !table.description().isEmpty()).hasSizeBetween(8_000, 12_000);
    }

    @Test
    void keysQuoteEveryPartHoldingADotOrAQuote() {
        for (SimulatedTable table : CATALOG.tables().toList()) {
            SimulatedSchema schema = CATALOG.schema(table.schemaId()).orElseThrow();
            String[] parts = schema.isMultipart() ? new String[] {schema.database(), schema.schema(), table.name()}
                    : new String[] {schema.schema(), table.name()};
            assertThat(table.key()).isEqualTo(AlationKeys.key(table.dsId(), parts));
        }
        assertThat(CATALOG.tables().filter(table -> table.name().contains(".")).toList()).isNotEmpty()
                .allSatisfy(table -> assertThat(table.key()).endsWith(".\"" + table.name() + "\""));
        SimulatedCatalog million = new SimulatedCatalog(42, 1_000_000);
        SimulatedSchema hr2017 = million.schemas().stream().filter(schema -> schema.name().equals("HR.2017"))
                .findFirst().orElseThrow();
        assertThat(hr2017.key()).isEqualTo(hr2017.dsId() + ".\"HR.2017\"");
        assertThat(million.tablesInSchema(hr2017.id()).filter(table -> table.name().contains(".")).findFirst())
                .hasValueSatisfying(table -> assertThat(table.key())
                        .isEqualTo(hr2017.dsId() + ".\"HR.2017\".\"" + table.name() + "\""));
    }

    @Test
    void tableNamesRecurAcrossSourcesAndTheSameSchemaAndTableExistInTwoSourcesOfOneType() {
        List<SimulatedTable> tables = CATALOG.tables().toList();
        Map<String, Set<Long>> sourcesByName = tables.stream().collect(Collectors.groupingBy(
                table -> table.name().toLowerCase(Locale.ROOT),
                Collectors.mapping(SimulatedTable::dsId, Collectors.toSet())));
        assertThat(sourcesByName.values().stream().filter(sources -> sources.size() >= 3).count())
                .isGreaterThan(500);

        Map<String, Set<Long>> sourcesBySchemaAndName = tables.stream().collect(Collectors.groupingBy(
                table -> CATALOG.dataSource(table.dsId()).orElseThrow().dbType() + " " + table.schemaName() + " "
                        + table.name(), Collectors.mapping(SimulatedTable::dsId, Collectors.toSet())));
        List<String> shared = sourcesBySchemaAndName.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                .map(Map.Entry::getKey).toList();
        assertThat(shared).hasSizeGreaterThan(100);
        // the two sources of one type differ in their connection: only it tells them apart
        for (String key : shared) {
            List<SimulatedDataSource> sources = sourcesBySchemaAndName.get(key).stream()
                    .map(id -> CATALOG.dataSource(id).orElseThrow()).toList();
            assertThat(sources).extracting(SimulatedDataSource::uri).doesNotHaveDuplicates();
        }
    }

    @Test
    void withinASchemaNamesAreUniqueAndSomeDifferOnlyInCase() {
        int twins = 0;
        for (SimulatedSchema schema : CATALOG.schemas()) {
            List<String> names = CATALOG.tablesInSchema(schema.id()).map(SimulatedTable::name).toList();
            assertThat(names).as(schema.name()).doesNotHaveDuplicates();
            Map<String, List<String>> byLowerCase = names.stream()
                    .collect(Collectors.groupingBy(name -> name.toLowerCase(Locale.ROOT)));
            for (List<String> sameIgnoringCase : byLowerCase.values()) {
                assertThat(sameIgnoringCase).hasSizeLessThanOrEqualTo(2);
                twins += sameIgnoringCase.size() == 2 ? 1 : 0;
            }
        }
        assertThat(twins).isBetween(60, 140); // one in 200
    }

    @Test
    void noTwoTableNamesOfOneStyleDifferOnlyInCase() {
        for (TableNames.Style style : TableNames.Style.values()) {
            assertThat(TableNames.plainRenderings(style).stream().map(name -> name.toLowerCase(Locale.ROOT)))
                    .as(style.name()).doesNotHaveDuplicates().hasSize(TableNames.COMBINATIONS);
        }
    }

    @Test
    void theNameFiltersFindExactlyTheTablesAScanFinds() {
        SimulatedCatalog catalog = new SimulatedCatalog(5, 60_000); // schemas beyond 1,744 tables: numbered names
        assertThat(catalog.tables()).anySatisfy(table -> assertThat(table.name()).matches(".*_[0-9]+"));
        Map<String, List<Long>> idsByLowerName = catalog.tables().collect(Collectors.groupingBy(
                table -> table.name().toLowerCase(Locale.ROOT),
                Collectors.mapping(SimulatedTable::id, Collectors.toList())));
        List<SimulatedTable> sample = catalog.tables().filter(table -> table.id() % 97 == 0
                || table.name().contains(".") || table.name().contains("\"")).toList();
        assertThat(sample).hasSizeGreaterThan(1_000);
        for (SimulatedTable table : sample) {
            List<Long> sameIgnoringCase = idsByLowerName.get(table.name().toLowerCase(Locale.ROOT));
            assertThat(ids(catalog, filterName(table.name(), null))).as(table.name())
                    .containsExactlyElementsOf(sameIgnoringCase.stream()
                            .filter(id -> catalog.table(id).orElseThrow().name().equals(table.name())).toList());
            assertThat(ids(catalog, filterName(null, table.name().toUpperCase(Locale.ROOT)))).as(table.name())
                    .containsExactlyElementsOf(sameIgnoringCase);
        }
        assertThat(ids(catalog, filterName("no_such_table", null))).isEmpty();
        assertThat(ids(catalog, filterName("customer_0", null))).isEmpty();
    }

    private static TableFilter filterName(String name, String nameIexact) {
        return new TableFilter(null, null, null, null, null, name, nameIexact, null);
    }

    static List<Long> ids(SimulatedCatalog catalog, TableFilter filter) {
        IdRanges ranges = catalog.selectTables(filter);
        List<Long> ids = new ArrayList<>();
        ranges.from(0).forEachRemaining((long id) -> ids.add(id));
        assertThat(ids).hasSize((int) ranges.total());
        return ids;
    }

    @Test
    void alationKeysQuoteAndEscape() {
        assertThat(AlationKeys.key(7, "HR.2017", "Employees.FullTime"))
                .isEqualTo("7.\"HR.2017\".\"Employees.FullTime\"");
        assertThat(AlationKeys.key(251, "adventureworks", "SalesLT", "CustomerAddress"))
                .isEqualTo("251.adventureworks.SalesLT.CustomerAddress");
        assertThat(AlationKeys.quote("orders \"copy\"")).isEqualTo("\"orders \"\"copy\"\"\"");
    }
}
