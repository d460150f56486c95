package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field the records read is one OpenMetadata's JSON Schemas (openmetadata-spec 1.4.0) define, spelled as they
 * spell it: a misspelt {@code @JsonProperty} would read as absent forever, and tolerant reading would never say so.
 */
class OpenMetadataSpecFieldsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theObjectsFieldsAreTheSchemasOwn() throws IOException {
        assertThat(properties("entity/data/table.json")).containsAll(fields(OpenMetadataTable.class));
        assertThat(properties("entity/services/databaseService.json"))
                .containsAll(fields(OpenMetadataDatabaseService.class));
        assertThat(properties("type/entityReference.json")).containsAll(fields(OpenMetadataEntityReference.class));
        assertThat(properties("type/paging.json")).containsAll(fields(OpenMetadataPaging.class));
        assertThat(properties("entity/teams/user.json")).containsAll(fields(OpenMetadataUser.class));
        assertThat(properties("api/openMetadataServerVersion.json")).containsAll(fields(OpenMetadataVersion.class));
    }

    @Test
    void theConnectionFieldsAreThoseOfTheConnectorsThatHaveThem() throws IOException {
        String connections = "entity/services/connections/database/";
        assertThat(properties(connections + "postgresConnection.json")).contains("type", "hostPort", "database");
        assertThat(properties(connections + "mssqlConnection.json")).contains("hostPort", "database");
        assertThat(properties(connections + "redshiftConnection.json")).contains("hostPort", "database");
        assertThat(properties(connections + "snowflakeConnection.json")).contains("account", "database")
                .doesNotContain("hostPort");
        assertThat(properties(connections + "mysqlConnection.json")).contains("hostPort", "databaseName")
                .doesNotContain("database");
        assertThat(properties(connections + "databricksConnection.json")).contains("hostPort", "catalog");
        assertThat(properties(connections + "unityCatalogConnection.json")).contains("hostPort", "catalog");
        assertThat(properties(connections + "bigQueryConnection.json")).contains("credentials");
        assertThat(schema("security/credentials/gcpValues.json").path("properties").has("projectId")).isTrue();
        assertThat(properties(connections + "oracleConnection.json")).contains("hostPort", "oracleConnectionType",
                "databaseName");
        assertThat(schema(connections + "oracleConnection.json").path("definitions").path("OracleServiceName")
                .path("properties").has("oracleServiceName")).isTrue();
    }

    private List<String> properties(String path) throws IOException {
        List<String> names = new ArrayList<>();
        schema(path).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode schema(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/json/schema/" + path)) {
            assertThat(in).as(path).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static List<String> fields(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getAccessor().getAnnotation(JsonProperty.class).value());
        }
        assertThat(names).as(type.getSimpleName()).isNotEmpty();
        return names;
    }
}
