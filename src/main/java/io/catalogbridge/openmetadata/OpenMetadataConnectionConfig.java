package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of a database service's {@code connection.config} that says where its database lives. Each connector has
 * its own schema ({@code postgresConnection.json}, {@code snowflakeConnection.json}, ...), with these fields where it
 * has them: {@code hostPort} ({@code "host:port"}), {@code account} (Snowflake), {@code database} (Postgres, MSSQL,
 * Snowflake, Redshift; Oracle's {@code oracleConnectionType.oracleServiceName} is read into it),
 * {@code databaseName} (the name OpenMetadata gives the one database of MySQL-like services, not a source database),
 * {@code catalog} (Databricks, Unity Catalog), and BigQuery's project in {@code credentials.gcpConfig.projectId}.
 *
 * <p>Read from the JSON tree, taking only text: the schemas differ by connector and by version (BigQuery's
 * {@code projectId} became a list, secrets come as objects), and a field of an unexpected shape is unknown rather
 * than a reason to refuse the service.
 */
public record OpenMetadataConnectionConfig(String type, String hostPort, String account, String database,
        String databaseName, String catalog, String projectId) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OpenMetadataConnectionConfig of(JsonNode config) {
        if (config == null || !config.isObject()) {
            return new OpenMetadataConnectionConfig(null, null, null, null, null, null, null);
        }
        JsonNode projectId = config.path("credentials").path("gcpConfig").path("projectId");
        // a list of projects (multi-project BigQuery) names one only when it has one
        if (projectId.isArray() && projectId.size() == 1) {
            projectId = projectId.get(0);
        }
        // Oracle names its database by service name (or SID) inside oracleConnectionType, never in database
        String database = text(config.get("database"));
        if (database == null) {
            database = text(config.path("oracleConnectionType").get("oracleServiceName"));
        }
        return new OpenMetadataConnectionConfig(text(config.get("type")), text(config.get("hostPort")),
                text(config.get("account")), database, text(config.get("databaseName")),
                text(config.get("catalog")), text(projectId));
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }
}
