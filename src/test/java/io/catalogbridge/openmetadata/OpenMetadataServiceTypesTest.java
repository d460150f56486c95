package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class OpenMetadataServiceTypesTest {

    private static final String CONNECTION_SCHEMAS =
            "classpath*:json/schema/entity/services/connections/database/*Connection.json";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void observabilityTypesAndServiceTypesMapBothWays() {
        assertThat(OpenMetadataServiceTypes.observabilityType("Postgres")).isEqualTo("postgresql");
        assertThat(OpenMetadataServiceTypes.observabilityType("Mssql")).isEqualTo("sqlserver");
        assertThat(OpenMetadataServiceTypes.observabilityType("Mysql")).isEqualTo("mysql");
        assertThat(OpenMetadataServiceTypes.observabilityType("MariaDB")).isEqualTo("mysql");
        assertThat(OpenMetadataServiceTypes.observabilityType("Snowflake")).isEqualTo("snowflake");
        assertThat(OpenMetadataServiceTypes.observabilityType("Databricks")).isEqualTo("databricks");
        assertThat(OpenMetadataServiceTypes.observabilityType("UnityCatalog")).isEqualTo("databricks");
        assertThat(OpenMetadataServiceTypes.observabilityType("BigQuery")).isEqualTo("bigquery");
        assertThat(OpenMetadataServiceTypes.observabilityType("Redshift")).isEqualTo("redshift");
        assertThat(OpenMetadataServiceTypes.observabilityType("Oracle")).isEqualTo("oracle");
        assertThat(OpenMetadataServiceTypes.observabilityType("mssql")).isEqualTo("sqlserver");
        assertThat(OpenMetadataServiceTypes.observabilityType("Vertica")).isEqualTo("vertica");
        assertThat(OpenMetadataServiceTypes.observabilityType(" ")).isNull();

        assertThat(OpenMetadataServiceTypes.serviceTypes("mysql")).containsExactly("Mysql", "MariaDB");
        assertThat(OpenMetadataServiceTypes.serviceTypes("Databricks")).containsExactly("Databricks", "UnityCatalog");
        assertThat(OpenMetadataServiceTypes.serviceTypes("sqlserver")).containsExactly("Mssql");
        assertThat(OpenMetadataServiceTypes.serviceTypes("teradata")).isEmpty();
        assertThat(OpenMetadataServiceTypes.serviceTypes(null)).isEmpty();
    }

    @Test
    void everyMappedServiceTypeIsOneOpenMetadataDefines() throws Exception {
        List<String> defined = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/json/schema/entity/services/databaseService.json")) {
            mapper.readTree(in).path("definitions").path("databaseServiceType").path("enum")
                    .forEach(type -> defined.add(type.asText()));
        }
        List<String> mapped = new ArrayList<>();
        for (String type : List.of("postgresql", "sqlserver", "mysql", "snowflake", "databricks", "bigquery",
                "redshift", "oracle")) {
            mapped.addAll(OpenMetadataServiceTypes.serviceTypes(type));
        }

        assertThat(defined).hasSizeGreaterThan(30).containsAll(mapped);
    }

    /** The spec's own words decide which services have no database level: "If left blank, we will use default". */
    @Test
    void theDatabaseLessServicesAreThoseWhoseConnectionSchemaSaysSo() throws Exception {
        TreeSet<String> saysDefault = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>();
        for (Resource schema : new PathMatchingResourcePatternResolver().getResources(CONNECTION_SCHEMAS)) {
            JsonNode root;
            try (InputStream in = schema.getInputStream()) {
                root = mapper.readTree(in);
            }
            String serviceType = serviceTypeOf(root);
            if (serviceType == null) {
                continue;
            }
            all.add(serviceType);
            if (root.path("properties").path("databaseName").path("description").asText()
                    .contains("we will use default as the database name")) {
                saysDefault.add(serviceType);
            }
        }

        assertThat(all).contains("Postgres", "Mysql", "Snowflake", "Oracle", "BigQuery");
        assertThat(saysDefault).contains("Mysql", "MariaDB", "Oracle");
        assertThat(all).filteredOn(OpenMetadataServiceTypes::isDatabaseLess).containsExactlyElementsOf(saysDefault);
    }

    @Test
    void aDatabaseLessServicesSchemasAreUnderDefaultOrItsDatabaseName() throws Exception {
        assertThat(OpenMetadataServiceTypes.fixedDatabase(service("Mysql", "{\"hostPort\": \"m:3306\"}")))
                .isEqualTo("default");
        assertThat(OpenMetadataServiceTypes.fixedDatabase(service("MariaDB",
                "{\"hostPort\": \"m:3306\", \"databaseName\": \"shop\"}"))).isEqualTo("shop");
        assertThat(OpenMetadataServiceTypes.fixedDatabase(new OpenMetadataDatabaseService(UUID.randomUUID(), "m", null,
                "m", "Mysql", null))).isEqualTo("default");
        assertThat(OpenMetadataServiceTypes.fixedDatabase(service("Postgres", "{\"database\": \"sales\"}"))).isNull();
        assertThat(OpenMetadataServiceTypes.fixedDatabase(service("Snowflake", "{\"databaseName\": \"x\"}"))).isNull();
    }

    /** A connection schema names its service type in its one-value {@code <name>Type} enum. */
    private static String serviceTypeOf(JsonNode schema) {
        for (JsonNode definition : schema.path("definitions")) {
            JsonNode values = definition.path("enum");
            if (values.size() == 1 && definition.path("description").asText().toLowerCase().contains("service type")) {
                return values.get(0).asText();
            }
        }
        return null;
    }

    private OpenMetadataDatabaseService service(String serviceType, String config) throws Exception {
        return new OpenMetadataDatabaseService(UUID.randomUUID(), "s", null, "s", serviceType,
                new OpenMetadataServiceConnection(mapper.readValue(config, OpenMetadataConnectionConfig.class)));
    }
}
