package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * OpenMetadata's objects as servers answer them, read with a plain ObjectMapper (unknown fields fail by default
 * there), so that tolerance is the records' own and not the application's mapper settings.
 */
class OpenMetadataObjectsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private static final String TABLE_1_4 = """
            {"id": "1b3c5d7e-0000-4000-8000-00000000f001", "name": "F_ORDERS",
             "fullyQualifiedName": "snowflake_prod.ANALYTICS.MARTS.F_ORDERS", "tableType": "Regular",
             "deleted": false, "serviceType": "Snowflake", "version": 0.1, "updatedAt": 1716000000000,
             "owner": {"id": "2b3c5d7e-0000-4000-8000-00000000a001", "type": "user", "name": "ana"},
             "domain": {"id": "2b3c5d7e-0000-4000-8000-00000000d001", "type": "domain", "name": "sales"},
             "service": {"id": "2b3c5d7e-0000-4000-8000-000000000001", "type": "databaseService",
                         "name": "snowflake_prod", "fullyQualifiedName": "snowflake_prod", "deleted": false},
             "database": {"id": "2b3c5d7e-0000-4000-8000-000000000002", "type": "database", "name": "ANALYTICS",
                          "fullyQualifiedName": "snowflake_prod.ANALYTICS", "displayName": "Analytics"},
             "databaseSchema": {"id": "2b3c5d7e-0000-4000-8000-000000000003", "type": "databaseSchema",
                                "name": "MARTS", "fullyQualifiedName": "snowflake_prod.ANALYTICS.MARTS"},
             "columns": [{"name": "ID", "dataType": "NUMBER"}], "tags": [], "followers": []}
            """;

    @Test
    void aTableOfA14ServerIsReadWithItsReferencesAndTheRestIgnored() throws Exception {
        OpenMetadataTable table = mapper.readValue(TABLE_1_4, OpenMetadataTable.class);

        assertThat(table.id()).isEqualTo(UUID.fromString("1b3c5d7e-0000-4000-8000-00000000f001"));
        assertThat(table.name()).isEqualTo("F_ORDERS");
        assertThat(table.fullyQualifiedName()).isEqualTo("snowflake_prod.ANALYTICS.MARTS.F_ORDERS");
        assertThat(table.tableType()).isEqualTo("Regular");
        assertThat(table.serviceType()).isEqualTo("Snowflake");
        assertThat(table.isDeleted()).isFalse();
        assertThat(table.service().name()).isEqualTo("snowflake_prod");
        assertThat(table.service().type()).isEqualTo("databaseService");
        assertThat(table.database().name()).isEqualTo("ANALYTICS");
        assertThat(table.database().displayName()).isEqualTo("Analytics");
        assertThat(table.database().fullyQualifiedName()).isEqualTo("snowflake_prod.ANALYTICS");
        assertThat(table.databaseSchema().name()).isEqualTo("MARTS");
        assertThat(table.databaseSchema().id()).isEqualTo(UUID.fromString("2b3c5d7e-0000-4000-8000-000000000003"));
        assertThat(table.missingField()).isNull();
    }

    @Test
    void aTableOfALaterServerWithOwnersAndDomainsListsReadsTheSame() throws Exception {
        String later = TABLE_1_4.replace("\"owner\": {", "\"owners\": [{").replace("\"name\": \"ana\"},", "\"name\": \"ana\"}],")
                .replace("\"domain\": {", "\"domains\": [{").replace("\"name\": \"sales\"},", "\"name\": \"sales\"}],")
                .replace("\"tableType\": \"Regular\"", "\"tableType\": \"Regular\", \"entityStatus\": \"Approved\","
                        + " \"lifeCycle\": {\"created\": {\"timestamp\": 1}}, \"processedLineage\": true");

        OpenMetadataTable table = mapper.readValue(later, OpenMetadataTable.class);

        assertThat(table).isEqualTo(mapper.readValue(TABLE_1_4, OpenMetadataTable.class));
    }

    @Test
    void aSoftDeletedTableSaysSoAndAnAbsentFlagIsNotDeleted() throws Exception {
        assertThat(mapper.readValue(TABLE_1_4.replace("\"deleted\": false, \"serviceType\"",
                "\"deleted\": true, \"serviceType\""), OpenMetadataTable.class).isDeleted()).isTrue();
        assertThat(mapper.readValue("{\"id\": \"1b3c5d7e-0000-4000-8000-00000000f001\"}", OpenMetadataTable.class)
                .isDeleted()).isFalse();
    }

    @Test
    void aTableWhoseIdIsNoUuidOrWithoutItsReferencesIsReadAndSaysWhatItLacks() throws Exception {
        assertThat(mapper.readValue(TABLE_1_4.replace("1b3c5d7e-0000-4000-8000-00000000f001", "42"),
                OpenMetadataTable.class).missingField()).isEqualTo("id");
        assertThat(mapper.readValue("{\"id\": {\"uuid\": 1}, \"name\": \"t\"}", OpenMetadataTable.class).id()).isNull();
        assertThat(mapper.readValue("""
                {"id": "1b3c5d7e-0000-4000-8000-00000000f001", "name": "t", "fullyQualifiedName": "s.d.p.t",
                 "service": {"name": "s"}, "database": {"name": "d"}}""", OpenMetadataTable.class).missingField())
                .isEqualTo("databaseSchema.name");
        assertThat(mapper.readValue("""
                {"id": "1b3c5d7e-0000-4000-8000-00000000f001", "name": "t", "fullyQualifiedName": "s.d.p.t",
                 "database": {"name": "d"}, "databaseSchema": {"name": "p"}}""", OpenMetadataTable.class)
                .missingField()).isEqualTo("service.name");
    }

    @Test
    void aServiceWithItsConnectionIsReadFromTheConnectorsOwnFields() throws Exception {
        OpenMetadataDatabaseService service = mapper.readValue("""
                {"id": "3b3c5d7e-0000-4000-8000-000000000001", "name": "pg_prod", "displayName": "PG (prod)",
                 "fullyQualifiedName": "pg_prod", "serviceType": "Postgres", "version": 0.2,
                 "connection": {"config": {"type": "Postgres", "scheme": "postgresql+psycopg2",
                   "username": "om", "authType": {"password": "*********"}, "hostPort": "pg-prod.corp.example:5432",
                   "database": "sales", "ingestAllDatabases": true, "supportsMetadataExtraction": true}},
                 "owners": [], "tags": []}""", OpenMetadataDatabaseService.class);

        assertThat(service.id()).isEqualTo(UUID.fromString("3b3c5d7e-0000-4000-8000-000000000001"));
        assertThat(service.name()).isEqualTo("pg_prod");
        assertThat(service.displayName()).isEqualTo("PG (prod)");
        assertThat(service.fullyQualifiedName()).isEqualTo("pg_prod");
        assertThat(service.serviceType()).isEqualTo("Postgres");
        assertThat(service.config()).isEqualTo(new OpenMetadataConnectionConfig("Postgres",
                "pg-prod.corp.example:5432", null, "sales", null, null, null));
        assertThat(service.missingField()).isNull();
    }

    @Test
    void aServiceSeenWithoutRightsHasANullConnection() throws Exception {
        OpenMetadataDatabaseService service = mapper.readValue("""
                {"id": "3b3c5d7e-0000-4000-8000-000000000002", "name": "snowflake_prod",
                 "fullyQualifiedName": "snowflake_prod", "serviceType": "Snowflake", "connection": null}""",
                OpenMetadataDatabaseService.class);

        assertThat(service.connection()).isNull();
        assertThat(service.config()).isNull();
        assertThat(service.displayName()).isNull();
    }

    @Test
    void connectionFieldsOfAnUnexpectedShapeAreUnknownAndTheServiceIsStillRead() throws Exception {
        OpenMetadataDatabaseService service = mapper.readValue("""
                {"id": "3b3c5d7e-0000-4000-8000-000000000003", "name": "bq", "serviceType": "BigQuery",
                 "connection": {"config": {"type": "BigQuery", "hostPort": {"host": "x"}, "database": ["a", "b"],
                   "account": "   ", "credentials": {"gcpConfig": {"type": "service_account",
                   "projectId": ["analytics-prod"], "privateKey": "secret"}}}}}""", OpenMetadataDatabaseService.class);

        assertThat(service.config()).isEqualTo(new OpenMetadataConnectionConfig("BigQuery", null, null, null, null,
                null, "analytics-prod"));
    }

    @Test
    void connectorSpecificDatabaseFieldsAreRead() throws Exception {
        assertThat(config("""
                {"type": "Databricks", "hostPort": "adb-1.azuredatabricks.net:443", "catalog": "lakehouse"}"""))
                .isEqualTo(new OpenMetadataConnectionConfig("Databricks", "adb-1.azuredatabricks.net:443", null, null,
                        null, "lakehouse", null));
        assertThat(config("""
                {"type": "Oracle", "hostPort": "ora:1521", "oracleConnectionType": {"oracleServiceName": "ORCLPDB1"}}"""))
                .isEqualTo(new OpenMetadataConnectionConfig("Oracle", "ora:1521", null, "ORCLPDB1", null, null, null));
        assertThat(config("""
                {"type": "Mysql", "hostPort": "mysql:3306", "databaseName": "shop", "databaseSchema": "orders"}"""))
                .isEqualTo(new OpenMetadataConnectionConfig("Mysql", "mysql:3306", null, null, "shop", null, null));
        assertThat(config("""
                {"type": "BigQuery", "credentials": {"gcpConfig": {"projectId": "p1"}}}""").projectId()).isEqualTo("p1");
        assertThat(config("""
                {"type": "BigQuery", "credentials": {"gcpConfig": {"projectId": ["p1", "p2"]}}}""").projectId()).isNull();
    }

    @Test
    void aPageCarriesItsDataAndTheCursorToFollowUntilItIsAbsent() throws Exception {
        OpenMetadataPage<OpenMetadataTable> page = mapper.readValue("""
                {"data": [%s], "paging": {"after": "bmFtZT0xJmlkPTI=", "total": 2501}}""".formatted(TABLE_1_4),
                new TypeReference<OpenMetadataPage<OpenMetadataTable>>() { });

        assertThat(page.data()).extracting(OpenMetadataTable::name).containsExactly("F_ORDERS");
        assertThat(page.paging().total()).isEqualTo(2501L);
        assertThat(page.paging().before()).isNull();
        assertThat(page.nextCursor()).isEqualTo("bmFtZT0xJmlkPTI=");

        OpenMetadataPage<OpenMetadataTable> last = mapper.readValue("""
                {"data": [], "paging": {"before": "YQ==", "total": 2501}}""",
                new TypeReference<OpenMetadataPage<OpenMetadataTable>>() { });
        assertThat(last.data()).isEmpty();
        assertThat(last.nextCursor()).isNull();

        OpenMetadataPage<OpenMetadataDatabaseService> bare = mapper.readValue("{\"data\": null}",
                new TypeReference<OpenMetadataPage<OpenMetadataDatabaseService>>() { });
        assertThat(bare.data()).isEmpty();
        assertThat(bare.nextCursor()).isNull();
        assertThat(mapper.readValue("{\"data\": [], \"paging\": {\"after\": \"\"}}",
                new TypeReference<OpenMetadataPage<OpenMetadataTable>>() { }).nextCursor()).isNull();
    }

    @Test
    void theLoggedInUserSaysWhetherItIsABotOrAnAdmin() throws Exception {
        OpenMetadataUser bot = mapper.readValue("""
                {"id": "4b3c5d7e-0000-4000-8000-000000000001", "name": "catalog-bridge-bot", "isBot": true,
                 "isAdmin": false, "email": "bot@om.example.com", "roles": [], "teams": []}""", OpenMetadataUser.class);
        OpenMetadataUser person = mapper.readValue("""
                {"id": "4b3c5d7e-0000-4000-8000-000000000002", "name": "ana", "isBot": false}""",
                OpenMetadataUser.class);
        OpenMetadataUser admin = mapper.readValue("{\"name\": \"admin\", \"isAdmin\": true}", OpenMetadataUser.class);

        assertThat(bot.name()).isEqualTo("catalog-bridge-bot");
        assertThat(bot.isBot()).isTrue();
        assertThat(bot.seesConnections()).isTrue();
        assertThat(person.seesConnections()).isFalse();
        assertThat(admin.seesConnections()).isTrue();
        assertThat(mapper.readValue("{}", OpenMetadataUser.class).seesConnections()).isFalse();
    }

    @Test
    void theVersionTellsWhichSideOfARelease() throws Exception {
        OpenMetadataVersion version = mapper.readValue("""
                {"version": "1.6.2", "revision": "d2c3f1", "timestamp": 1733000000000}""", OpenMetadataVersion.class);

        assertThat(version.version()).isEqualTo("1.6.2");
        assertThat(version.isAtLeast(1, 6)).isTrue();
        assertThat(version.isAtLeast(1, 7)).isFalse();
        assertThat(version.isAtLeast(0, 13)).isTrue();
        assertThat(new OpenMetadataVersion("1.4.0-SNAPSHOT").isAtLeast(1, 6)).isFalse();
        assertThat(new OpenMetadataVersion("1.10.1.2").isAtLeast(1, 6)).isTrue();
        assertThat(new OpenMetadataVersion("2.0").isAtLeast(1, 6)).isTrue();
        assertThat(new OpenMetadataVersion("unknown").isAtLeast(1, 6)).isFalse();
        assertThat(new OpenMetadataVersion(null).isAtLeast(1, 6)).isFalse();
    }

    @Test
    void anErrorBodyGivesItsCodeAndMessage() throws Exception {
        OpenMetadataError error = mapper.readValue("""
                {"code": 401, "message": "Expired token!", "responseCode": "UNAUTHORIZED"}""", OpenMetadataError.class);

        assertThat(error).isEqualTo(new OpenMetadataError(401, "Expired token!"));
        assertThat(mapper.readValue("{}", OpenMetadataError.class)).isEqualTo(new OpenMetadataError(null, null));
    }

    private OpenMetadataConnectionConfig config(String json) throws Exception {
        return mapper.readValue(json, OpenMetadataConnectionConfig.class);
    }
}
