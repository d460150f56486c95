package io.catalogbridge.matching;

import static io.catalogbridge.matching.CatalogFixtures.asset;
import static io.catalogbridge.matching.OpenMetadataFixtures.deletedTable;
import static io.catalogbridge.matching.OpenMetadataFixtures.hiddenService;
import static io.catalogbridge.matching.OpenMetadataFixtures.hostService;
import static io.catalogbridge.matching.OpenMetadataFixtures.namedService;
import static io.catalogbridge.matching.OpenMetadataFixtures.serviceId;
import static io.catalogbridge.matching.OpenMetadataFixtures.snowflakeService;
import static io.catalogbridge.matching.OpenMetadataFixtures.table;
import static io.catalogbridge.matching.OpenMetadataFixtures.tableId;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.assets.Asset;
import io.catalogbridge.openmetadata.OpenMetadataDataSourceLink;
import io.catalogbridge.openmetadata.OpenMetadataDatabaseService;
import io.catalogbridge.openmetadata.OpenMetadataMapping;
import io.catalogbridge.openmetadata.OpenMetadataMatcher;
import io.catalogbridge.openmetadata.OpenMetadataTable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each rule of design.md's "Matching an asset to a catalog table" for OpenMetadata's objects, pinned against a small
 * faked catalog: the rules of {@link AlationMatcherTest}, with services as data sources, UUIDs as ids, schemas from
 * the database and schema references, soft-deleted tables and connections a token may not see.
 */
class OpenMetadataMatcherTest {

    /** The reasons' afterword when OpenMetadata hid every service's connection. */
    private static final String HIDDEN = "; OpenMetadata showed no connection details of its data sources to this"
            + " token (not a bot's or an admin's): only data-source links and titles could choose";

    /** A Postgres service, whose tables are under their database, and a MySQL one, whose schemas are under default. */
    private static final OpenMetadataDatabaseService POSTGRES =
            hostService(1, "pg_prod", "Postgres", "pg:5432", "sales");
    private static final OpenMetadataDatabaseService MYSQL = hostService(2, "mysql_prod", "Mysql", "my:3306", null);

    private static OpenMetadataMatcher matcher(List<Asset> assets, List<OpenMetadataDatabaseService> services,
            Map<String, String> links, OpenMetadataTable... tables) {
        OpenMetadataMatcher matcher = new OpenMetadataMatcher(assets, services, links);
        matcher.accept(List.of(tables));
        return matcher;
    }

    private static OpenMetadataMatcher matcher(List<Asset> assets, List<OpenMetadataDatabaseService> services,
            OpenMetadataTable... tables) {
        return matcher(assets, services, Map.of(), tables);
    }

    private static MatchOutcome<UUID, OpenMetadataMapping> outcomeOf(Asset asset,
            List<OpenMetadataDatabaseService> services, OpenMetadataTable... tables) {
        return matcher(List.of(asset), services, tables).outcome(asset.assetId());
    }

    /** The mapping OpenMetadataMapping.of makes of the table, field by field as the API shows it. */
    private static OpenMetadataMapping mapping(String assetId, String serviceName, String databaseName,
            String schemaName, int tableId, String tableName, String tableFqn) {
        return new OpenMetadataMapping(assetId, serviceName, databaseName, schemaName, tableId(tableId), tableName,
                tableFqn);
    }

    private static MatchOutcome<UUID, OpenMetadataMapping> mapped(OpenMetadataMapping mapping, String reason) {
        return new MatchOutcome<>(mapping.assetId(), MatchStatus.MAPPED, mapping, List.of(mapping.tableId()), reason);
    }

    private static MatchOutcome<UUID, OpenMetadataMapping> ambiguous(String assetId, List<UUID> tableIds,
            String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.AMBIGUOUS, null, tableIds, reason);
    }

    private static MatchOutcome<UUID, OpenMetadataMapping> unmatched(String assetId, String reason) {
        return new MatchOutcome<>(assetId, MatchStatus.UNMATCHED, null, List.<UUID>of(), reason);
    }

    private static DataSourceChoice<UUID> choice(DataSourceRule rule, Integer... serviceIds) {
        return new DataSourceChoice<>(rule, List.of(serviceIds).stream().map(OpenMetadataFixtures::serviceId).toList());
    }

    /** How a reason names a service: its id and its name. */
    private static String service(int id, String name) {
        return "data source " + serviceId(id) + " \"" + name + "\"";
    }

    @Nested
    class AsTheMatcherReadsThem {


        @Test
        void aTablesSchemaIsDatabaseDotSchemaFromItsReferencesOrTheSchemaAloneWithoutADatabaseLevel() {
            OpenMetadataTable dotted = table(1, POSTGRES, "sales.eu", "public", "orders");

            assertThat(dotted.schemaName()).isEqualTo("sales.eu.public");
            assertThat(dotted.fullyQualifiedName()).isEqualTo("pg_prod.\"sales.eu\".public.orders");
            assertThat(table(2, MYSQL, "default", "shop", "orders").schemaName()).isEqualTo("shop");
            assertThat(dotted.dataSourceId()).isEqualTo(serviceId(1));
        }

        @Test
        void aTableIsMappableWhenUsableAndLive() {
            OpenMetadataTable live = table(1, POSTGRES, "sales", "public", "orders");
            OpenMetadataTable withoutSchema = new OpenMetadataTable(tableId(2), "orders", "pg_prod.sales.public.orders",
                    "Regular", false, "Postgres", live.service(), live.database(), null);

            assertThat(live.isMappable()).isTrue();
            assertThat(deletedTable(3, POSTGRES, "sales", "public", "orders").isMappable()).isFalse();
            assertThat(withoutSchema.isMappable()).isFalse();
            assertThat(withoutSchema.schemaName()).isNull();
        }

        @Test
        void aServiceIsTitledByNameThenDisplayNameWithItsConnectionInObservabilityWords() {
            assertThat(namedService(3, "wh", "Warehouse").toCatalog()).isEqualTo(new CatalogDataSource<>(serviceId(3),
                    List.of("wh", "Warehouse"), new DataSourceConnection("postgresql", "wh.unrelated.example", 5432,
                    "wh"), false));
            assertThat(hiddenService(4, "hidden", "Mssql").toCatalog()).isEqualTo(new CatalogDataSource<>(serviceId(4),
                    List.of("hidden"), new DataSourceConnection("sqlserver", null, null, null), true));
        }
    }

    @Nested
    class CaseOfNames {

        private final OpenMetadataDatabaseService snowflake = snowflakeService(1, "snowflake_prod", "xyz", "DWH");
        private final List<OpenMetadataDatabaseService> services = List.of(snowflake);
        private final OpenMetadataTable upper = table(10, snowflake, "DWH", "PUBLIC", "ORDERS");
        private final OpenMetadataTable lower = table(11, snowflake, "dwh", "public", "orders");

        @Test
        void namesMatchIgnoringCase() {
            Asset asset = asset("a", null, null, null, "dwh", "public", "orders");

            assertThat(outcomeOf(asset, services, upper)).isEqualTo(mapped(
                    mapping("a", "snowflake_prod", "DWH", "PUBLIC", 10, "ORDERS", "snowflake_prod.DWH.PUBLIC.ORDERS"),
                    "Found table \"ORDERS\" in schema \"DWH.PUBLIC\" of " + service(1, "snowflake_prod")
                            + " (matching the asset's connection)"));
        }

        @Test
        void theTableInExactCaseWinsATie() {
            List<Asset> assets = List.of(asset("lower", null, null, null, "dwh", "public", "orders"),
                    asset("upper", null, null, null, "DWH", "PUBLIC", "ORDERS"));
            OpenMetadataMatcher matcher = matcher(assets, services, upper, lower);

            assertThat(matcher.outcome("lower")).isEqualTo(mapped(
                    mapping("lower", "snowflake_prod", "dwh", "public", 11, "orders",
                            "snowflake_prod.dwh.public.orders"),
                    "Found table \"orders\" in schema \"dwh.public\" of " + service(1, "snowflake_prod")
                            + " (matching the asset's connection); the only one in exact case of 2 tables that match"
                            + " ignoring case"));
            assertThat(matcher.outcome("upper").candidateTableIds()).containsExactly(tableId(10));
        }

        @Test
        void noneInExactCaseIsAmbiguousWithBothUuids() {
            Asset asset = asset("a", null, null, null, "Dwh", "Public", "Orders");

            assertThat(outcomeOf(asset, services, lower, upper)).isEqualTo(ambiguous("a",
                    List.of(tableId(10), tableId(11)), "2 tables match table \"Orders\" in schema \"Public\" or"
                    + " \"Dwh.Public\" ignoring case, none in exact case, in " + service(1, "snowflake_prod")
                    + " (matching the asset's connection); map the asset manually"));
        }
    }

    @Nested
    class SchemasUnderTheirDatabase {

        private final List<OpenMetadataDatabaseService> services = List.of(POSTGRES, MYSQL);
        private final OpenMetadataTable[] tables = {
                table(1, POSTGRES, "sales", "public", "orders"), table(2, MYSQL, "default", "shop", "orders")};

        @Test
        void databaseAndSchemaFindTheTableUnderItsDatabase() {
            Asset asset = asset("pg", null, null, null, "sales", "public", "orders");

            assertThat(outcomeOf(asset, services, tables)).isEqualTo(mapped(
                    mapping("pg", "pg_prod", "sales", "public", 1, "orders", "pg_prod.sales.public.orders"),
                    "Found table \"orders\" in schema \"sales.public\" of " + service(1, "pg_prod")
                            + " (matching the asset's connection)"));
        }

        @Test
        void aSchemaGivenMultipartIsComparedWhole() {
            assertThat(outcomeOf(asset("pg", "sales.public", "orders"), services, tables).mapping())
                    .isEqualTo(mapping("pg", "pg_prod", "sales", "public", 1, "orders", "pg_prod.sales.public.orders"));
        }

        @Test
        void aSchemaWithoutItsDatabaseDoesNotFindAPostgresTable() {
            assertThat(outcomeOf(asset("pg", "public", "orders"), services, tables)).isEqualTo(unmatched("pg",
                    "No table \"orders\" in schema \"public\" in any of the 2 OpenMetadata data sources"
                            + " (no data-source link, connection or title chose one)"));
        }

        @Test
        void aMysqlSchemaIsTheSchemaUnderOpenMetadatasDefaultDatabase() {
            Asset asset = asset("my", "mysql", "MY", 3306, null, "shop", "orders");

            assertThat(outcomeOf(asset, services, tables)).isEqualTo(mapped(
                    mapping("my", "mysql_prod", "default", "shop", 2, "orders", "mysql_prod.default.shop.orders"),
                    "Found table \"orders\" in schema \"shop\" of " + service(2, "mysql_prod")
                            + " (matching the asset's connection)"));
        }

        @Test
        void aMysqlAssetStatingItsDatabaseStillFindsItsSchema() {
            Asset asset = asset("my", "mysql", null, null, "shop", "shop", "orders");

            assertThat(outcomeOf(asset, services, tables).candidateTableIds()).containsExactly(tableId(2));
        }
    }

    @Nested
    class DataSourceByConnection {

        /** Copies of one database: the same table everywhere, so only the connection tells them apart. */
        private final List<OpenMetadataDatabaseService> services = List.of(
                hostService(1, "pg_eu", "Postgres", "pg-eu.example.com:5432", "sales"),
                hostService(2, "pg_us", "Postgres", "PG-US.example.com:5432", "sales"),
                hostService(3, "pg_apac", "Postgres", "pg-apac.example.com", "sales"),
                hostService(4, "pg_us_pooled", "Postgres", "pg-us.example.com:6432", "sales"),
                snowflakeService(5, "snowflake_prod", "xyz1234.us-east-1", "SALES"),
                snowflakeService(6, "snowflake_test", "abc9876.us-east-1", "SALES"));
        private final OpenMetadataTable[] tables = {
                table(101, services.get(0), "sales", "public", "orders"),
                table(102, services.get(1), "sales", "public", "orders"),
                table(103, services.get(2), "sales", "public", "orders"),
                table(104, services.get(3), "sales", "public", "orders"),
                table(105, services.get(4), "SALES", "PUBLIC", "ORDERS"),
                table(106, services.get(5), "SALES", "PUBLIC", "ORDERS")};

        private OpenMetadataMatcher matcherOf(String assetId, String type, String host, Integer port) {
            return matcher(List.of(asset(assetId, type, host, port, "sales", "public", "orders")), services, tables);
        }

        @Test
        void aPostgresServiceByHostPortAndDatabaseTheAssetLeavingOutTheDefaultPort() {
            OpenMetadataMatcher matcher = matcherOf("us", "postgresql", "pg-us.example.com", null);

            assertThat(matcher.dataSourceChoice("us")).isEqualTo(choice(DataSourceRule.CONNECTION, 2));
            assertThat(matcher.outcome("us")).isEqualTo(mapped(
                    mapping("us", "pg_us", "sales", "public", 102, "orders", "pg_us.sales.public.orders"),
                    "Found table \"orders\" in schema \"sales.public\" of " + service(2, "pg_us")
                            + " (matching the asset's connection)"));
        }

        @Test
        void aServiceWhoseHostPortLeavesOutTheDefaultPort() {
            OpenMetadataMatcher matcher = matcherOf("apac", "Postgres", "PG-APAC.example.com", 5432);

            assertThat(matcher.dataSourceChoice("apac")).isEqualTo(choice(DataSourceRule.CONNECTION, 3));
            assertThat(matcher.outcome("apac").mapping().serviceName()).isEqualTo("pg_apac");
        }

        @Test
        void aPortOtherThanTheDefaultChoosesItsService() {
            OpenMetadataMatcher matcher = matcherOf("pooled", "postgresql", "pg-us.example.com", 6432);

            assertThat(matcher.dataSourceChoice("pooled")).isEqualTo(choice(DataSourceRule.CONNECTION, 4));
            assertThat(matcher.outcome("pooled").candidateTableIds()).containsExactly(tableId(104));
        }

        @Test
        void aSnowflakeAccountIsTheHostAtSnowflakecomputingCom() {
            OpenMetadataMatcher matcher =
                    matcherOf("sf", "snowflake", "XYZ1234.us-east-1.snowflakecomputing.com", 443);

            assertThat(matcher.dataSourceChoice("sf")).isEqualTo(choice(DataSourceRule.CONNECTION, 5));
            assertThat(matcher.outcome("sf").mapping()).isEqualTo(mapping("sf", "snowflake_prod", "SALES", "PUBLIC",
                    105, "ORDERS", "snowflake_prod.SALES.PUBLIC.ORDERS"));
        }

        @Test
        void severalServicesAgreeingAreAllCandidates() {
            OpenMetadataMatcher matcher = matcherOf("db", "postgresql", null, null);

            // the asset names no port, so it is PostgreSQL's default: the pooled service on 6432 is another server
            assertThat(matcher.dataSourceChoice("db")).isEqualTo(choice(DataSourceRule.CONNECTION, 1, 2, 3));
            assertThat(matcher.outcome("db")).isEqualTo(ambiguous("db", List.of(tableId(101), tableId(102),
                    tableId(103)), "3 tables match table \"orders\" in schema \"public\" or \"sales.public\" in exact"
                    + " case in data sources " + serviceId(1) + " \"pg_eu\", " + serviceId(2) + " \"pg_us\", "
                    + serviceId(3) + " \"pg_apac\" (matching the asset's connection); map the asset manually, or link"
                    + " its data source name to one OpenMetadata data source"));
        }
    }

    @Nested
    class DataSourceByServiceName {

        private final List<OpenMetadataDatabaseService> services =
                List.of(namedService(1, "warehouse", "Data Warehouse"), namedService(2, "lake", "Lake House"));
        private final OpenMetadataTable[] tables = {
                table(201, services.get(0), "wh", "public", "orders"),
                table(202, services.get(1), "lake", "public", "orders")};

        @Test
        void theServiceNamedLikeTheAssetsDataSourceNameIgnoringCase() {
            OpenMetadataMatcher matcher = matcher(List.of(asset("n", "WAREHOUSE", "wh.public", "orders")), services,
                    tables);

            assertThat(matcher.dataSourceChoice("n")).isEqualTo(choice(DataSourceRule.TITLE, 1));
            assertThat(matcher.outcome("n")).isEqualTo(mapped(
                    mapping("n", "warehouse", "wh", "public", 201, "orders", "warehouse.wh.public.orders"),
                    "Found table \"orders\" in schema \"wh.public\" of " + service(1, "warehouse")
                            + " (titled like data source name \"WAREHOUSE\")"));
        }

        @Test
        void theServiceWhoseDisplayNameIsTheAssetsDataSourceNameShowsItsName() {
            OpenMetadataMatcher matcher = matcher(List.of(asset("d", "lake house", "lake.public", "orders")),
                    services, tables);

            assertThat(matcher.dataSourceChoice("d")).isEqualTo(choice(DataSourceRule.TITLE, 2));
            assertThat(matcher.outcome("d").reason()).isEqualTo("Found table \"orders\" in schema \"lake.public\" of "
                    + service(2, "lake") + " (titled like data source name \"lake house\")");
        }
    }

    @Nested
    class DataSourceByLink {

        /** Service 1 is named like the asset's data source, service 2 has its connection, service 3 neither. */
        private final List<OpenMetadataDatabaseService> services = List.of(namedService(1, "obs_wh", null),
                hostService(2, "warehouse", "Postgres", "wh.example.com:5432", "wh"), namedService(3, "chosen", null));
        private final Asset asset =
                new Asset("l", "obs_wh", "postgresql", "wh.example.com", 5432, "wh", "public", "orders");
        private final OpenMetadataTable[] tables = {
                table(301, services.get(0), "wh", "public", "orders"),
                table(302, services.get(1), "wh", "public", "orders"),
                table(303, services.get(2), "wh", "public", "orders")};

        @Test
        void withoutALinkTheConnectionWinsOverTheName() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services, tables);

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.CONNECTION, 2));
        }

        @Test
        void aLinkWinsOverConnectionAndNameWhateverTheCaseOfItsDataSourceName() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services, Map.of("OBS_WH", "chosen"), tables);

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.LINK, 3));
            assertThat(matcher.outcome("l")).isEqualTo(mapped(
                    mapping("l", "chosen", "wh", "public", 303, "orders", "chosen.wh.public.orders"),
                    "Found table \"orders\" in schema \"wh.public\" of " + service(3, "chosen")
                            + " (linked to data source name \"obs_wh\")"));
        }

        @Test
        void theLinksAsStoredChooseAlike() {
            OpenMetadataMatcher matcher = new OpenMetadataMatcher(List.of(asset), services,
                    List.of(new OpenMetadataDataSourceLink("obs_wh", "chosen")));

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.LINK, 3));
        }

        @Test
        void aServiceNameWithOtherCapitalsIsTheOneServiceNamedSoIgnoringCase() {
            assertThat(matcher(List.of(asset), services, Map.of("obs_wh", "CHOSEN")).dataSourceChoice("l"))
                    .isEqualTo(choice(DataSourceRule.LINK, 3));
        }

        @Test
        void theExactNameWinsAndSeveralServicesEqualIgnoringCaseAreNoneOfThem() {
            List<OpenMetadataDatabaseService> twins = List.of(namedService(4, "Sales", null),
                    namedService(5, "SALES", null));

            assertThat(matcher(List.of(asset), twins, Map.of("obs_wh", "SALES")).dataSourceChoice("l"))
                    .isEqualTo(choice(DataSourceRule.LINK, 5));
            assertThat(matcher(List.of(asset), twins, Map.of("obs_wh", "sales")).outcome("l").reason())
                    .contains("in data source \"sales\", which OpenMetadata does not list");
        }

        @Test
        void aLinkToAServiceOpenMetadataDoesNotListStillHoldsAndNamesTheService() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services, Map.of("obs_wh", "pg_gone"), tables);

            // the connection and the name would choose, but the user's link says otherwise: nothing is mapped
            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.LINK));
            assertThat(matcher.outcome("l")).isEqualTo(unmatched("l", "No table \"orders\" in schema \"public\" or"
                    + " \"wh.public\" in data source \"pg_gone\", which OpenMetadata does not list (linked to data"
                    + " source name \"obs_wh\"); check the link's service_name"));
            assertThat(matcher.schemaRequests()).isEmpty();
        }
    }

    @Nested
    class EveryService {

        private final OpenMetadataDatabaseService a = namedService(1, "a", null);
        private final OpenMetadataDatabaseService b = namedService(2, "b", null);
        private final List<OpenMetadataDatabaseService> services = List.of(a, b);
        private final Asset asset = asset("e", "obs", "sales.public", "orders");

        @Test
        void theSameTableInTwoServicesIsAmbiguousWithBothUuidsSorted() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services, table(402, b, "sales", "public", "orders"),
                    table(401, a, "sales", "public", "orders"));

            assertThat(matcher.dataSourceChoice("e")).isEqualTo(choice(DataSourceRule.EVERY, 1, 2));
            assertThat(matcher.outcome("e")).isEqualTo(ambiguous("e", List.of(tableId(401), tableId(402)),
                    "2 tables match table \"orders\" in schema \"sales.public\" in exact case in any of the 2"
                            + " OpenMetadata data sources (no data-source link, connection or title chose one for data"
                            + " source name \"obs\"); map the asset manually, or link its data source name to one"
                            + " OpenMetadata data source"));
        }

        @Test
        void noTableIsUnmatchedWithWhereItWasSought() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services,
                    table(403, a, "sales", "public", "order_lines"), table(404, b, "sales", "staging", "orders"),
                    table(405, b, "hr", "public", "orders"));

            assertThat(matcher.outcome("e")).isEqualTo(unmatched("e", "No table \"orders\" in schema \"sales.public\""
                    + " in any of the 2 OpenMetadata data sources (no data-source link, connection or title chose one"
                    + " for data source name \"obs\")"));
        }

        @Test
        void noServiceAtAllIsSaid() {
            assertThat(outcomeOf(asset, List.of())).isEqualTo(unmatched("e", "No table \"orders\" in schema"
                    + " \"sales.public\" in OpenMetadata, which lists no data source (no data-source link, connection"
                    + " or title chose one for data source name \"obs\")"));
        }
    }

    @Nested
    class DottedNames {


        @Test
        void aDottedTableIsMatchedByItsNameNotItsQuotedFqn() {
            OpenMetadataTable ledger = table(601, POSTGRES, "sales", "public", "fin.ledger");
            List<Asset> assets = List.of(asset("whole", null, null, null, "sales", "public", "fin.ledger"),
                    asset("quoted", null, null, null, "sales", "public", "\"fin.ledger\""),
                    asset("shifted", null, null, null, "sales", "public.fin", "ledger"));

            OpenMetadataMatcher matcher = matcher(assets, List.of(POSTGRES), ledger);

            assertThat(ledger.fullyQualifiedName()).isEqualTo("pg_prod.sales.public.\"fin.ledger\"");
            assertThat(matcher.outcome("whole").mapping()).isEqualTo(mapping("whole", "pg_prod", "sales", "public",
                    601, "fin.ledger", "pg_prod.sales.public.\"fin.ledger\""));
            assertThat(matcher.outcome("quoted").status()).isEqualTo(MatchStatus.UNMATCHED);
            assertThat(matcher.outcome("shifted").status()).isEqualTo(MatchStatus.UNMATCHED);
        }
    }

    @Nested
    class SoftDeletedTables {

        private final OpenMetadataDatabaseService a = namedService(1, "a", null);
        private final OpenMetadataDatabaseService b = namedService(2, "b", null);
        private final List<OpenMetadataDatabaseService> services = List.of(a, b);
        private final Asset asset = asset("d", null, null, null, "sales", "public", "orders");

        @Test
        void aDeletedTableIsNeverMappedAndIsCountedAsPassedOver() {
            OpenMetadataMatcher matcher =
                    matcher(List.of(asset), services, deletedTable(1, a, "sales", "public", "orders"));

            assertThat(matcher.outcome("d").status()).isEqualTo(MatchStatus.UNMATCHED);
            assertThat(matcher.incompleteTables()).isEqualTo(1);
        }

        @Test
        void aLiveTableMapsBesideItsDeletedCopiesThoughTheyAreInExactCaseOrElsewhere() {
            OpenMetadataMatcher matcher = matcher(List.of(asset), services,
                    deletedTable(1, a, "sales", "public", "orders"), table(2, a, "SALES", "PUBLIC", "ORDERS"),
                    deletedTable(3, b, "sales", "public", "orders"));

            assertThat(matcher.outcome("d")).isEqualTo(mapped(
                    mapping("d", "a", "SALES", "PUBLIC", 2, "ORDERS", "a.SALES.PUBLIC.ORDERS"),
                    "Found table \"ORDERS\" in schema \"SALES.PUBLIC\" of " + service(1, "a")
                            + " (no data-source link, connection or title chose one)"));
        }
    }

    @Nested
    class ConnectionsHiddenFromTheToken {

        /** As a token that is neither a bot's nor an admin's sees the services: names and types, no connection. */
        private final List<OpenMetadataDatabaseService> services =
                List.of(hiddenService(1, "pg_eu", "Postgres"), hiddenService(2, "pg_us", "Postgres"));
        private final OpenMetadataTable[] tables = {
                table(701, services.get(0), "sales", "public", "orders"),
                table(702, services.get(1), "sales", "public", "orders")};

        /** An asset that states everything: with the connections shown, its host alone would choose pg_us. */
        private Asset asset(String assetId, String dataSourceName) {
            return new Asset(assetId, dataSourceName, "postgresql", "pg-us.example.com", 5432, "sales", "public",
                    "orders");
        }

        @Test
        void theServiceNameStillChoosesAndTheReasonSaysWhyNotTheConnection() {
            OpenMetadataMatcher matcher = matcher(List.of(asset("n", "pg_us")), services, tables);

            assertThat(matcher.dataSourceChoice("n")).isEqualTo(choice(DataSourceRule.TITLE, 2));
            assertThat(matcher.outcome("n")).isEqualTo(mapped(
                    mapping("n", "pg_us", "sales", "public", 702, "orders", "pg_us.sales.public.orders"),
                    "Found table \"orders\" in schema \"sales.public\" of " + service(2, "pg_us")
                            + " (titled like data source name \"pg_us\")" + HIDDEN));
        }

        @Test
        void aLinkStillChoosesAndNeedsNoWordOnConnections() {
            OpenMetadataMatcher matcher = matcher(List.of(asset("l", "obs_us")), services,
                    Map.of("obs_us", "pg_us"), tables);

            assertThat(matcher.dataSourceChoice("l")).isEqualTo(choice(DataSourceRule.LINK, 2));
            assertThat(matcher.outcome("l").reason()).isEqualTo("Found table \"orders\" in schema \"sales.public\" of "
                    + service(2, "pg_us") + " (linked to data source name \"obs_us\")");
        }

        @Test
        void withNeitherEveryServiceIsSearchedAndTheReasonSaysWhy() {
            OpenMetadataMatcher matcher = matcher(List.of(asset("e", null)), services, tables);

            assertThat(matcher.dataSourceChoice("e")).isEqualTo(choice(DataSourceRule.EVERY, 1, 2));
            assertThat(matcher.outcome("e")).isEqualTo(ambiguous("e", List.of(tableId(701), tableId(702)),
                    "2 tables match table \"orders\" in schema \"public\" or \"sales.public\" in exact case in any of"
                            + " the 2 OpenMetadata data sources (no data-source link, connection or title chose one);"
                            + " map the asset manually, or link its data source name to one OpenMetadata data source"
                            + HIDDEN));
        }

        @Test
        void someServicesHiddenAreCounted() {
            List<OpenMetadataDatabaseService> mixed = List.of(services.get(0),
                    hostService(3, "pg_apac", "Postgres", "pg-apac.example.com:5432", "sales"));

            assertThat(matcher(List.of(asset("u", null)), mixed).outcome("u").reason()).isEqualTo(
                    "No table \"orders\" in schema \"public\" or \"sales.public\" in any of the 2 OpenMetadata data"
                    + " sources (no data-source link, connection or title chose one); OpenMetadata showed no"
                    + " connection details of 1 of its 2 data sources to this token (not a bot's or an admin's):"
                    + " only data-source links and titles could choose");
        }
    }

    @Nested
    class Planning {

        private final List<OpenMetadataDatabaseService> services = List.of(namedService(1, "PG", null),
                namedService(2, "Other", null), namedService(3, "Linked", null));
        private final Map<String, String> links = Map.of("obs_linked", "Linked");
        private final List<Asset> assets = List.of(
                new Asset("a1", "obs_linked", null, null, null, "adventureworks", "SalesLT", "Customer"),
                new Asset("a2", "obs_linked", null, null, null, "adventureworks", "SalesLT", "Orders"),
                asset("a3", "PG", "public", "orders"),
                asset("a4", "nowhere", "SALESLT", "customer"),
                asset("no-table", "PG", "public", null));

        @Test
        void oneRequestPerServiceAndSchemaSpellingByServiceUuid() {
            assertThat(new OpenMetadataMatcher(assets, services, links).schemaRequests()).containsExactly(
                    new SchemaRequest<>(serviceId(1), "public", List.of("orders")),
                    new SchemaRequest<>(serviceId(1), "SALESLT", List.of("customer")),
                    new SchemaRequest<>(serviceId(2), "SALESLT", List.of("customer")),
                    new SchemaRequest<>(serviceId(3), "adventureworks.SalesLT", List.of("Customer", "Orders")),
                    new SchemaRequest<>(serviceId(3), "SALESLT", List.of("Customer", "Orders")));
        }
    }
}
