package io.catalogbridge.matching;

import static io.catalogbridge.matching.CatalogFixtures.asset;
import static io.catalogbridge.matching.CatalogFixtures.connectorSource;
import static io.catalogbridge.matching.CatalogFixtures.nativeSource;
import static io.catalogbridge.matching.CatalogFixtures.source;
import static io.catalogbridge.matching.CatalogFixtures.table;
import static io.catalogbridge.matching.CatalogFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationMatcher;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.alation.AlationMapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of design.md's "Matching an asset to an Alation table", pinned against a small faked catalog. */
class AlationMatcherTest {

    private static AlationMatcher matcher(List<Asset> assets, List<AlationDataSource> sources, Map<String, Long> links,
            AlationTable... tables) {
        AlationMatcher matcher = new AlationMatcher(assets, sources, links);
        matcher.accept(List.of(tables));
        return matcher;
    }

    private static AlationMatcher matcher(List<Asset> assets, List<AlationDataSource> sources, AlationTable... tables) {
        return matcher(assets, sources, Map.of(), tables);
    }

    /** The outcome of the one asset against the catalog. */
    private static MatchOutcome<Long, AlationMapping> outcomeOf(Asset asset, List<AlationDataSource> sources, AlationTable... tables) {
        return matcher(List.of(asset), sources, tables).outcome(asset.assetId());
    }

    private static AlationMapping mappingOf(Asset asset, List<AlationDataSource> sources, AlationTable... tables) {
        return outcomeOf(asset, sources, tables).mapping();
    }

    private static MatchOutcome<Long, AlationMapping> mapped(String assetId, long dsId, String title, long schemaId, String schemaName,
            long tableId, String tableName, String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.MAPPED,
                keyed(assetId, dsId, title, schemaId, schemaName, tableId, tableName), List.of(tableId),
                reason);
    }

    private static MatchOutcome<Long, AlationMapping> ambiguous(String assetId, List<Long> tableIds, String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.AMBIGUOUS, null, tableIds, reason);
    }

    private static MatchOutcome<Long, AlationMapping> unmatched(String assetId, String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.UNMATCHED, null, List.<Long>of(), reason);
    }

    private static DataSourceChoice choice(DataSourceRule rule, Long... ids) {
        return new DataSourceChoice(rule, List.of(ids));
    }

    @Nested
    class MultipartSchemas {

        private final List<AlationDataSource> sources =
                List.of(nativeSource(251, "actian_datasource", "sqlserver", "sql.example.com", "1433", "adventureworks"));
        private final AlationTable[] tables = {
                table(6121, 251, 46, "adventureworks.SalesLT", "CustomerAddress"),
                table(6122, 251, 47, "adventureworks.dbo", "CustomerAddress")};

        @Test
        void databaseAndSchemaFindTheMultipartSchema() {
            Asset asset = asset("a1", "mssql", "sql.example.com", null, "adventureworks", "SalesLT", "CustomerAddress");

            assertThat(outcomeOf(asset, sources, tables)).isEqualTo(mapped("a1", 251,
                    "actian_datasource", 46, "adventureworks.SalesLT", 6121, "CustomerAddress",
                    "Found table \"CustomerAddress\" in schema \"adventureworks.SalesLT\" of data source 251"
                            + " \"actian_datasource\" (matching the asset's connection)"));
        }

        @Test
        void aSchemaGivenMultipartIsComparedWhole() {
            Asset asset = asset("a2", "adventureworks.SalesLT", "CustomerAddress");

            assertThat(mappingOf(asset, sources, tables))
                    .isEqualTo(keyed("a2", 251, "actian_datasource", 46, "adventureworks.SalesLT", 6121,
                            "CustomerAddress"));
        }

        @Test
        void aSchemaWithoutItsDatabaseDoesNotFindAMultipartSchema() {
            Asset asset = asset("a3", "SalesLT", "CustomerAddress");

            assertThat(outcomeOf(asset, sources, tables)).isEqualTo(unmatched("a3",
                    "No table \"CustomerAddress\" in schema \"SalesLT\" in the only Alation data source"
                            + " (no data-source link, connection or title chose one)"));
        }

        @Test
        void aSinglePartSchemaStillMatchesWhenTheAssetHasADatabase() {
            Asset asset = asset("pg", "postgresql", "pg.example.com", 5432, "sales", "public", "orders");
            List<AlationDataSource> postgres =
                    List.of(nativeSource(7, "Sales", "postgresql", "pg.example.com", "5432", "sales"));

            assertThat(mappingOf(asset, postgres, table(70, 7, 700, "public", "orders")))
                    .isEqualTo(keyed("pg", 7, "Sales", 700, "public", 70, "orders"));
        }
    }

    @Nested
    class CaseOfNames {

        private final List<AlationDataSource> sources = List.of(source(1, "Warehouse"));

        @Test
        void namesMatchIgnoringCase() {
            assertThat(mappingOf(asset("a", "saleslt", "customer"), sources, table(10, 1, 5, "SalesLT", "Customer")))
                    .isEqualTo(keyed("a", 1, "Warehouse", 5, "SalesLT", 10, "Customer"));
        }

        @Test
        void theTableInExactCaseWinsOverOthers() {
            List<Asset> assets = List.of(asset("exact", "SalesLT", "Customer"), asset("upper", "SalesLT", "CUSTOMER"));
            AlationMatcher matcher = matcher(assets, sources, table(10, 1, 5, "SalesLT", "Customer"),
                    table(11, 1, 5, "SalesLT", "CUSTOMER"));

            assertThat(matcher.outcome("exact")).isEqualTo(mapped("exact", 1, "Warehouse", 5, "SalesLT", 10, "Customer",
                    "Found table \"Customer\" in schema \"SalesLT\" of data source 1 \"Warehouse\" (no data-source link,"
                            + " connection or title chose one); the only one in exact case of 2 tables that match"
                            + " ignoring case"));
            assertThat(matcher.outcome("upper").mapping().tableId()).isEqualTo(11);
        }

        @Test
        void noneInExactCaseIsAmbiguous() {
            MatchOutcome<Long, AlationMapping> outcome = outcomeOf(asset("a", "SalesLT", "customer"), sources,
                    table(11, 1, 5, "SalesLT", "CUSTOMER"), table(10, 1, 5, "SalesLT", "Customer"));

            assertThat(outcome).isEqualTo(ambiguous("a", List.of(10L, 11L),
                    "2 tables match table \"customer\" in schema \"SalesLT\" ignoring case, none in exact case, in the"
                            + " only Alation data source (no data-source link, connection or title chose one);"
                            + " map the asset manually"));
        }

        @Test
        void theSchemaInExactCaseWinsToo() {
            assertThat(mappingOf(asset("a", "SalesLT", "Orders"), sources,
                    table(21, 1, 6, "SALESLT", "Orders"), table(20, 1, 5, "SalesLT", "Orders")))
                    .isEqualTo(keyed("a", 1, "Warehouse", 5, "SalesLT", 20, "Orders"));
        }

        @Test
        void exactCaseCountsForTheMultipartSpelling() {
            Asset asset = asset("a", null, null, null, "adventureworks", "SalesLT", "Orders");

            MatchOutcome<Long, AlationMapping> outcome = outcomeOf(asset, sources, table(31, 1, 8, "ADVENTUREWORKS.SALESLT", "Orders"),
                    table(30, 1, 7, "adventureworks.SalesLT", "Orders"));

            assertThat(outcome.candidateTableIds()).containsExactly(30L);
        }
    }

    @Nested
    class DataSourceByConnection {

        /** Four copies of one database: the same tables everywhere, so only the connection tells them apart. */
        private final List<AlationDataSource> sources = List.of(
                nativeSource(1, "Sales EU", "postgresql", "pg-eu.example.com", "5432", "sales"),
                nativeSource(2, "Sales US", "postgresql", "pg-us.example.com", "5432", "sales"),
                connectorSource(3, "Sales APAC", "postgresql://pg-apac.example.com/sales"),
                nativeSource(4, "Sales US pooled", "postgresql", "pg-us.example.com", "6432", "sales"));
        private final AlationTable[] tables = {
                table(101, 1, 11, "public", "orders"), table(102, 2, 12, "public", "orders"),
                table(103, 3, 13, "public", "orders"), table(104, 4, 14, "public", "orders")};

        private AlationMatcher matcherOf(Asset asset) {
            return matcher(List.of(asset), sources, tables);
        }

        /** An asset for public.orders in the database "sales" with the connection given. */
        private AlationMatcher matcherOf(String assetId, String type, String host, Integer port) {
            return matcherOf(asset(assetId, type, host, port, "sales", "public", "orders"));
        }

        @Test
        void aNativeSourceByHostPortAndDatabaseTheAssetLeavingOutTheDefaultPort() {
            AlationMatcher matcher = matcherOf("us", "postgresql", "pg-us.example.com", null);

            assertThat(matcher.dataSourceChoice("us")).isEqualTo(choice(DataSourceRule.CONNECTION, 2L));
            assertThat(matcher.outcome("us")).isEqualTo(mapped("us", 2, "Sales US", 12, "public", 102, "orders",
                    "Found table \"orders\" in schema \"public\" of data source 2 \"Sales US\""
                            + " (matching the asset's connection)"));
        }

        @Test
        void aConnectorSourceByItsUriWhichLeavesOutTheDefaultPort() {
            AlationMatcher matcher = matcherOf("apac", "Postgres", "PG-APAC.example.com", 5432);

            assertThat(matcher.dataSourceChoice("apac")).isEqualTo(choice(DataSourceRule.CONNECTION, 3L));
            assertThat(matcher.outcome("apac").mapping())
                    .isEqualTo(keyed("apac", 3, "Sales APAC", 13, "public", 103, "orders"));
        }

        @Test
        void aPortOtherThanTheDefaultChoosesItsSource() {
            AlationMatcher matcher = matcherOf("pooled", "postgresql", "pg-us.example.com", 6432);

            assertThat(matcher.dataSourceChoice("pooled")).isEqualTo(choice(DataSourceRule.CONNECTION, 4L));
            assertThat(matcher.outcome("pooled").mapping().tableId()).isEqualTo(104);
        }

        @Test
        void aHostAloneIsEnoughAndAMissingPortIsTheKnownTypesDefault() {
            AlationMatcher matcher = matcherOf(asset("host", null, "pg-us.example.com", null, null, "public", "orders"));

            assertThat(matcher.dataSourceChoice("host")).isEqualTo(choice(DataSourceRule.CONNECTION, 2L));
        }

        @Test
        void severalSourcesAgreeingAreAllCandidates() {
            // the asset names no port, so it is PostgreSQL's default: the pooled source on 6432 is another server
            AlationMatcher matcher = matcherOf(asset("db", null, null, null, "SALES", "public", "orders"));

            assertThat(matcher.dataSourceChoice("db")).isEqualTo(choice(DataSourceRule.CONNECTION, 1L, 2L, 3L));
            assertThat(matcher.outcome("db")).isEqualTo(ambiguous("db", List.of(101L, 102L, 103L),
                    "3 tables match table \"orders\" in schema \"public\" or \"SALES.public\" in exact case in data sources"
                            + " 1 \"Sales EU\", 2 \"Sales US\", 3 \"Sales APAC\" (matching the asset's connection);"
                            + " map the asset manually, or link its data source name to one Alation data source"));
        }

        @Test
        void anotherTypeOnTheSameHostIsNoConnectionMatch() {
            AlationMatcher matcher = matcherOf("mysql", "mysql", "pg-us.example.com", null);

            assertThat(matcher.dataSourceChoice("mysql")).isEqualTo(choice(DataSourceRule.EVERY, 1L, 2L, 3L, 4L));
        }

        @Test
        void typeAndPortWithoutHostOrDatabaseAreNoConnectionMatch() {
            AlationMatcher matcher = matcherOf(asset("vague", "postgresql", null, 5432, null, "public", "orders"));

            assertThat(matcher.dataSourceChoice("vague")).isEqualTo(choice(DataSourceRule.EVERY, 1L, 2L, 3L, 4L));
        }

        @Test
        void theUnmatchedReasonNamesTheSourceTheConnectionChose() {
            AlationMatcher matcher =
                    matcherOf(asset("us", "postgresql", "pg-us.example.com", null, "sales", "public", "customers"));

            assertThat(matcher.outcome("us")).isEqualTo(unmatched("us", "No table \"customers\" in schema \"public\" or"
                    + " \"sales.public\" in data source 2 \"Sales US\" (matching the asset's connection)"));
        }

        @Test
        void aNativeSourceWithoutHostIsReadFromItsUri() {
            List<AlationDataSource> partial = List.of(new AlationDataSource(8L, "Sales", "postgresql", null, null, null,
                    "postgresql://pg.example.com:5432/sales", false), source(9, "Other"));

            Asset asset = asset("a", "postgresql", "pg.example.com", 5432, "sales", "public", "t");

            AlationMatcher matcher = matcher(List.of(asset), partial);

            assertThat(matcher.dataSourceChoice("a")).isEqualTo(choice(DataSourceRule.CONNECTION, 8L));
        }
    }

    @Nested
    class DataSourceByTitle {

        @Test
        void theTitleEqualToTheAssetsDataSourceNameIgnoringCase() {
            AlationMatcher matcher = matcher(List.of(asset("t", "WAREHOUSE", "public", "orders")),
                    List.of(source(1, "Warehouse"), source(2, "Lake")),
                    table(201, 1, 21, "public", "orders"), table(202, 2, 22, "public", "orders"));

            assertThat(matcher.dataSourceChoice("t")).isEqualTo(choice(DataSourceRule.TITLE, 1L));
            assertThat(matcher.outcome("t")).isEqualTo(mapped("t", 1, "Warehouse", 21, "public", 201, "orders",
                    "Found table \"orders\" in schema \"public\" of data source 1 \"Warehouse\""
                            + " (titled like data source name \"WAREHOUSE\")"));
        }
    }

    @Nested
    class DataSourceByLink {

        /** Source 1 has the asset's data source name as its title, source 2 its connection, source 3 neither. */
        private final List<AlationDataSource> sources = List.of(source(1, "obs_wh"),
                nativeSource(2, "Warehouse", "postgresql", "wh.example.com", "5432", "wh"), source(3, "Chosen"));
        private final Asset asset = new Asset("l", "obs_wh", "postgresql", "wh.example.com", 5432, "wh", "public", "orders");
        private final AlationTable[] tables = {
                table(301, 1, 31, "public", "orders"), table(302, 2, 32, "public", "orders"),
                table(303, 3, 33, "public", "orders")};

        @Test
        void withoutALinkTheConnectionWinsOverTheTitle() {
            AlationMatcher matcher = matcher(List.of(asset), sources, tables);

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.CONNECTION, 2L));
            assertThat(matcher.outcome("l").mapping().tableId()).isEqualTo(302);
        }

        @Test
        void aLinkWinsOverConnectionAndTitleWhateverTheCaseOfItsName() {
            AlationMatcher matcher = matcher(List.of(asset), sources, Map.of("OBS_WH", 3L), tables);

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.LINK, 3L));
            assertThat(matcher.outcome("l")).isEqualTo(mapped("l", 3, "Chosen", 33, "public", 303, "orders",
                    "Found table \"orders\" in schema \"public\" of data source 3 \"Chosen\""
                            + " (linked to data source name \"obs_wh\")"));
        }

        @Test
        void aLinkToASourceAlationDoesNotListStillHolds() {
            AlationMatcher withoutTables = matcher(List.of(asset), sources, Map.of("obs_wh", 99L), tables);
            AlationMatcher withItsTable = matcher(List.of(asset), sources, Map.of("obs_wh", 99L),
                    table(399, 99, 39, "public", "orders"));

            assertThat(withoutTables.outcome("l")).isEqualTo(unmatched("l", "No table \"orders\" in schema \"public\" or"
                    + " \"wh.public\" in data source 99, which Alation does not list"
                    + " (linked to data source name \"obs_wh\")"));
            // a mapping carries its data source's name: without the data source, the table is reported, not mapped
            assertThat(withItsTable.outcome("l")).isEqualTo(unmatched("l", "Found table \"orders\" in schema \"public\""
                    + " of data source 99, which Alation does not list, hidden ones included (linked to data source"
                    + " name \"obs_wh\"), but not mapped: a mapping carries the data source's name; check the link's"
                    + " alation_data_source_id"));
        }
    }

    @Nested
    class EveryDataSource {

        private final List<AlationDataSource> sources = List.of(source(1, "A"), source(2, "B"));
        private final Asset asset = asset("e", "obs", "public", "orders");

        @Test
        void whenNoRuleChoosesEverySourceIsSearched() {
            AlationMatcher matcher = matcher(List.of(asset), sources, table(402, 2, 42, "public", "orders"));

            assertThat(matcher.dataSourceChoice("e")).isEqualTo(choice(DataSourceRule.EVERY, 1L, 2L));
            assertThat(matcher.outcome("e")).isEqualTo(mapped("e", 2, "B", 42, "public", 402, "orders",
                    "Found table \"orders\" in schema \"public\" of data source 2 \"B\""
                            + " (no data-source link, connection or title chose one for data source name \"obs\")"));
        }

        @Test
        void theSameTableInTwoSourcesIsAmbiguousWithBothIdsSorted() {
            AlationMatcher matcher = matcher(List.of(asset), sources, table(402, 2, 42, "public", "orders"),
                    table(401, 1, 41, "public", "orders"));

            assertThat(matcher.outcome("e")).isEqualTo(ambiguous("e", List.of(401L, 402L),
                    "2 tables match table \"orders\" in schema \"public\" in exact case in any of the 2 Alation data"
                            + " sources (no data-source link, connection or title chose one for data source name \"obs\");"
                            + " map the asset manually, or link its data source name to one Alation data source"));
        }

        @Test
        void noTableIsUnmatchedWithWhereItWasSought() {
            AlationMatcher matcher = matcher(List.of(asset), sources, table(403, 1, 41, "public", "order_lines"),
                    table(404, 2, 42, "sales", "orders"));

            assertThat(matcher.outcome("e")).isEqualTo(unmatched("e", "No table \"orders\" in schema \"public\" in any"
                    + " of the 2 Alation data sources (no data-source link, connection or title chose one for data source"
                    + " name \"obs\")"));
        }

        @Test
        void noDataSourceAtAllIsSaid() {
            assertThat(outcomeOf(asset, List.of())).isEqualTo(unmatched("e", "No table \"orders\""
                    + " in schema \"public\" in Alation, which lists no data source (no data-source link, connection or"
                    + " title chose one for data source name \"obs\")"));
        }
    }

    @Nested
    class Targets {

        private final List<AlationDataSource> sources = List.of(source(7, "HR"));

        @Test
        void aViewIsATargetLikeATable() {
            assertThat(mappingOf(asset("v", "public", "orders_v"), sources, view(501, 7, 50, "public", "orders_v")))
                    .isEqualTo(keyed("v", 7, "HR", 50, "public", 501, "orders_v"));
        }

        @Test
        void namesWithDotsAreComparedWholeNeverSplit() {
            List<Asset> assets = List.of(asset("whole", "HR.2017", "Employees.FullTime"),
                    asset("database", null, null, null, "HR", "2017", "Employees.FullTime"),
                    asset("shifted-left", "HR", "2017.Employees.FullTime"),
                    asset("shifted-right", "HR.2017.Employees", "FullTime"));

            AlationMatcher matcher = matcher(assets, sources, table(601, 7, 70, "HR.2017", "Employees.FullTime"));

            AlationMapping expected = keyed("whole", 7, "HR", 70, "HR.2017", 601, "Employees.FullTime");
            assertThat(matcher.outcome("whole").mapping()).isEqualTo(expected);
            assertThat(matcher.outcome("database").mapping())
                    .isEqualTo(keyed("database", 7, "HR", 70, "HR.2017", 601, "Employees.FullTime"));
            assertThat(matcher.outcome("shifted-left").status()).isEqualTo(MatchStatus.UNMATCHED);
            assertThat(matcher.outcome("shifted-right").status()).isEqualTo(MatchStatus.UNMATCHED);
        }
    }

    @Nested
    class Streaming {

        private final List<AlationDataSource> sources = List.of(source(1, "A"), source(2, "B"), source(3, "C"));
        private final List<Asset> assets = List.of(asset("mapped", "A", "s", "t1"), asset("exact", "s", "T2"),
                asset("ambiguous", "s", "t3"), asset("unmatched", "s", "t4"), asset("view", "B", "s", "v1"));
        private final List<AlationTable> catalog = catalog();

        private List<AlationTable> catalog() {
            List<AlationTable> tables = new ArrayList<>(List.of(table(1, 1, 10, "s", "t1"), table(2, 2, 20, "s", "t1"),
                    table(3, 1, 10, "s", "t2"), table(4, 2, 20, "s", "T2"), table(5, 3, 30, "s", "T3"),
                    table(6, 2, 20, "S", "t3"), view(7, 2, 20, "s", "v1"), table(8, 3, 30, "other", "t4")));
            for (long id = 100; id < 400; id++) {
                tables.add(table(id, 1 + id % 3, 10 * (1 + id % 3), "s", "noise" + id));
            }
            return tables;
        }

        private List<MatchOutcome<Long, AlationMapping>> outcomesOf(List<List<AlationTable>> pages) {
            AlationMatcher matcher = new AlationMatcher(assets, sources, Map.of());
            pages.forEach(matcher::accept);
            return matcher.outcomes();
        }

        private static List<List<AlationTable>> pages(List<AlationTable> tables, int pageSize) {
            List<List<AlationTable>> pages = new ArrayList<>();
            for (int from = 0; from < tables.size(); from += pageSize) {
                pages.add(tables.subList(from, Math.min(tables.size(), from + pageSize)));
            }
            return pages;
        }

        @Test
        void theOutcomesAreTheSameWhateverThePageOrder() {
            List<MatchOutcome<Long, AlationMapping>> expected = outcomesOf(List.of(catalog));
            assertThat(expected).extracting(MatchOutcome::assetId, MatchOutcome::status, MatchOutcome::candidateTableIds)
                    .containsExactly(
                            tuple("ambiguous", MatchStatus.AMBIGUOUS, List.of(5L, 6L)),
                            tuple("exact", MatchStatus.MAPPED, List.of(4L)),
                            tuple("mapped", MatchStatus.MAPPED, List.of(1L)),
                            tuple("unmatched", MatchStatus.UNMATCHED, List.of()),
                            tuple("view", MatchStatus.MAPPED, List.of(7L)));

            Random random = new Random(42);
            for (int round = 0; round < 20; round++) {
                List<AlationTable> shuffled = new ArrayList<>(catalog);
                Collections.shuffle(shuffled, random);
                assertThat(outcomesOf(pages(shuffled, 1 + random.nextInt(50)))).isEqualTo(expected);
            }
        }

        @Test
        void aTableListedTwiceIsOneCandidate() {
            List<List<AlationTable>> twice = new ArrayList<>(pages(catalog, 7));
            twice.addAll(pages(catalog, 13));

            assertThat(outcomesOf(twice)).isEqualTo(outcomesOf(List.of(catalog)));
        }

        @Test
        void theSummaryCountsEachStatus() {
            AlationMatcher matcher = new AlationMatcher(assets, sources, Map.of());
            matcher.accept(catalog);

            assertThat(matcher.summary()).isEqualTo(new MatchSummary(5, 3, 1, 1));
            assertThat(matcher.tablesSeen()).isEqualTo(catalog.size());
        }

        @Test
        void aMatchingTableWithoutTheIdsOfAMappingIsPassedOverAndCounted() {
            AlationMatcher matcher = new AlationMatcher(List.of(asset("a", "s", "t")), sources, Map.of());

            matcher.accept(List.of(new AlationTable(1L, "t", 1L, null, "s", "TABLE", "1.s.t"),
                    new AlationTable(null, "other", null, null, null, null, null),
                    new AlationTable(2L, null, 1L, 10L, "s", "TABLE", null)));
            matcher.accept((AlationTable) null);

            assertThat(matcher.incompleteTables()).isEqualTo(1);
            assertThat(matcher.tablesSeen()).isEqualTo(4);
            assertThat(matcher.outcome("a").status()).isEqualTo(MatchStatus.UNMATCHED);
        }
    }

    @Nested
    class Assets {

        @Test
        void anAssetWithoutSchemaOrTableIsUnmatchedAndSaysSo() {
            AlationMatcher matcher = matcher(List.of(asset("no-schema", null, "t"), asset("no-table", "s", null)),
                    List.of(source(1, "A")), table(1, 1, 10, "s", "t"));

            assertThat(matcher.outcomes()).containsExactly(
                    unmatched("no-schema", "The asset names no schema, so no Alation table can match it"),
                    unmatched("no-table", "The asset names no table, so no Alation table can match it"));
        }

        @Test
        void assetIdsMustBePresentAndUnique() {
            List<AlationDataSource> none = List.of();

            assertThatThrownBy(() -> new AlationMatcher(List.of(asset("a", "s", "t"), asset("a", "s", "u")), none, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Asset a is given twice");
            assertThatThrownBy(() -> new AlationMatcher(List.of(asset(null, "s", "t")), none, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("An asset without asset_id");
            assertThatThrownBy(() -> new AlationMatcher(List.of(), none, Map.of()).outcome("x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown asset x");
        }

        @Test
        void outcomesComeInAssetIdOrder() {
            AlationMatcher matcher = matcher(List.of(asset("c", "s", "t"), asset("a", "s", "t"), asset("b", "s", "t")),
                    List.of());

            assertThat(matcher.outcomes()).extracting(MatchOutcome::assetId).containsExactly("a", "b", "c");
        }
    }

    /** The mapping the matcher makes of a fixture table: it carries the table's key (CatalogFixtures' spelling). */
    static AlationMapping keyed(String assetId, long dsId, String title, long schemaId, String schemaName, long tableId,
            String tableName) {
        return new AlationMapping(assetId, dsId, title, schemaId, schemaName, tableId, tableName,
                dsId + "." + schemaName + "." + tableName);
    }
}
