package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceConnectionFactsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPostgresServiceGivesTypeHostPortAndDatabase() throws Exception {
        assertThat(facts("Postgres", """
                {"type": "Postgres", "hostPort": "PG-Prod.Corp.Example:5432", "database": "sales"}"""))
                .isEqualTo(new ServiceConnectionFacts("postgresql", "pg-prod.corp.example", 5432, "sales", false));
    }

    @Test
    void everyDocumentedServiceTypeGivesTheObservabilityType() throws Exception {
        assertThat(facts("Mssql", "{\"hostPort\": \"mssql.example.com:1433\", \"database\": \"adventureworks\"}"))
                .isEqualTo(new ServiceConnectionFacts("sqlserver", "mssql.example.com", 1433, "adventureworks", false));
        assertThat(facts("Redshift", "{\"hostPort\": \"rs.example.com:5439\", \"database\": \"dev\"}"))
                .isEqualTo(new ServiceConnectionFacts("redshift", "rs.example.com", 5439, "dev", false));
        assertThat(facts("MariaDB", "{\"hostPort\": \"maria:3306\"}").type()).isEqualTo("mysql");
        assertThat(facts("UnityCatalog", "{\"hostPort\": \"adb-2.azuredatabricks.net:443\", \"catalog\": \"main\"}"))
                .isEqualTo(new ServiceConnectionFacts("databricks", "adb-2.azuredatabricks.net", 443, "main", false));
        assertThat(facts("Oracle", """
                {"hostPort": "ora.example.com:1521", "oracleConnectionType": {"oracleServiceName": "ORCLPDB1"}}"""))
                .isEqualTo(new ServiceConnectionFacts("oracle", "ora.example.com", 1521, "ORCLPDB1", false));
    }

    @Test
    void snowflakesHostIsItsAccountAtSnowflakecomputingCom() throws Exception {
        assertThat(facts("Snowflake", "{\"account\": \"XYZ1234.us-east-1\", \"database\": \"ANALYTICS\"}"))
                .isEqualTo(new ServiceConnectionFacts("snowflake", "xyz1234.us-east-1.snowflakecomputing.com", null,
                        "ANALYTICS", false));
        assertThat(facts("Snowflake", "{\"account\": \"xyz1234.snowflakecomputing.com\"}").host())
                .isEqualTo("xyz1234.snowflakecomputing.com");
        assertThat(facts("Snowflake", "{\"database\": \"ANALYTICS\"}").host()).isNull();
    }

    @Test
    void databricksDatabaseIsItsCatalogAndBigQuerysIsItsProjectWithoutAHost() throws Exception {
        assertThat(facts("Databricks", """
                {"hostPort": "adb-6520107827588553.1.azuredatabricks.net:443", "catalog": "lakehouse",
                 "database": "ignored"}"""))
                .isEqualTo(new ServiceConnectionFacts("databricks", "adb-6520107827588553.1.azuredatabricks.net", 443,
                        "lakehouse", false));
        assertThat(facts("BigQuery", """
                {"hostPort": "bigquery.googleapis.com", "credentials": {"gcpConfig": {"projectId": "analytics-prod"}}}"""))
                .isEqualTo(new ServiceConnectionFacts("bigquery", null, null, "analytics-prod", false));
    }

    @Test
    void mysqlLikeServicesStateNoDatabaseSinceDatabaseNameIsOnlyOpenMetadatasLabel() throws Exception {
        assertThat(facts("Mysql", "{\"hostPort\": \"mysql.example.com:3306\", \"databaseName\": \"shop\"}"))
                .isEqualTo(new ServiceConnectionFacts("mysql", "mysql.example.com", 3306, null, false));
    }

    @Test
    void hostPortIsReadInEveryShapeAndWhatCannotBeReadIsUnknown() throws Exception {
        assertThat(ServiceConnectionFacts.HostPort.parse("[2001:db8::7]:5432"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("2001:db8::7", 5432));
        assertThat(ServiceConnectionFacts.HostPort.parse("[::1]"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("::1", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("2001:db8::7"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("2001:db8::7", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("db.example.com."))
                .isEqualTo(new ServiceConnectionFacts.HostPort("db.example.com", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("https://adb-1.azuredatabricks.net:443/sql/1.0"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("adb-1.azuredatabricks.net", 443));
        assertThat(ServiceConnectionFacts.HostPort.parse(" 10.0.0.5:5432 "))
                .isEqualTo(new ServiceConnectionFacts.HostPort("10.0.0.5", 5432));
        assertThat(ServiceConnectionFacts.HostPort.parse("db:99999"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("db", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("db:0")).isEqualTo(new ServiceConnectionFacts.HostPort("db", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("db:port"))
                .isEqualTo(new ServiceConnectionFacts.HostPort("db", null));
        assertThat(ServiceConnectionFacts.HostPort.parse("[::1")).isEqualTo(new ServiceConnectionFacts.HostPort(null, null));
        assertThat(ServiceConnectionFacts.HostPort.parse(":5432"))
                .isEqualTo(new ServiceConnectionFacts.HostPort(null, 5432));
        assertThat(ServiceConnectionFacts.HostPort.parse("")).isEqualTo(new ServiceConnectionFacts.HostPort(null, null));
        assertThat(ServiceConnectionFacts.HostPort.parse(null)).isEqualTo(new ServiceConnectionFacts.HostPort(null, null));
    }

    @Test
    void aHiddenConnectionGivesNoFactsButTheTypeAndSaysSo() {
        ServiceConnectionFacts facts = ServiceConnectionFacts.of(new OpenMetadataDatabaseService(UUID.randomUUID(),
                "snowflake_prod", null, "snowflake_prod", "Snowflake", null));

        assertThat(facts).isEqualTo(new ServiceConnectionFacts("snowflake", null, null, null, true));
        assertThat(facts.knowsLocation()).isFalse();
    }

    @Test
    void aConnectionWithoutItsConfigCountsAsHidden() {
        ServiceConnectionFacts facts = ServiceConnectionFacts.of(new OpenMetadataDatabaseService(UUID.randomUUID(),
                "pg", null, "pg", "Postgres", new OpenMetadataServiceConnection(null)));

        assertThat(facts.connectionHidden()).isTrue();
        assertThat(facts.knowsLocation()).isFalse();
    }

    @Test
    void anUnmappedServiceTypeKeepsItsOwnNameLowerCased() throws Exception {
        assertThat(facts("Trino", "{\"hostPort\": \"trino.example.com:8080\"}"))
                .isEqualTo(new ServiceConnectionFacts("trino", "trino.example.com", 8080, null, false));
        assertThat(facts(null, "{\"type\": \"Postgres\", \"hostPort\": \"pg:5432\"}").type()).isEqualTo("postgresql");
    }

    private ServiceConnectionFacts facts(String serviceType, String config) throws Exception {
        return ServiceConnectionFacts.of(new OpenMetadataDatabaseService(UUID.randomUUID(), "svc", null, "svc",
                serviceType, new OpenMetadataServiceConnection(
                        mapper.readValue(config, OpenMetadataConnectionConfig.class))));
    }
}
