package io.catalogbridge.alation.simulator;

/**
 * The database types the simulated catalog holds, with what Alation records about each: its {@code dbtype} string,
 * the default port, the connector id of its OCF connector, and whether Alation names its schemas
 * {@code database.schema} (multipart).
 */
public enum DbType {
    POSTGRESQL("postgresql", 5432, 101, false),
    MYSQL("mysql", 3306, 102, false),
    ORACLE("oracle", 1521, 103, false),
    SQLSERVER("sqlserver", 1433, 104, true),
    SNOWFLAKE("snowflake", 443, 105, true),
    REDSHIFT("redshift", 5439, 106, true),
    BIGQUERY("bigquery", 443, 107, true),
    DATABRICKS("databricks", 443, 108, true);

    private final String alationName;
    private final int defaultPort;
    private final int connectorId;
    private final boolean multipartSchema;

    DbType(String alationName, int defaultPort, int connectorId, boolean multipartSchema) {
        this.alationName = alationName;
        this.defaultPort = defaultPort;
        this.connectorId = connectorId;
        this.multipartSchema = multipartSchema;
    }

    /** The {@code dbtype} value of a native data source, and the scheme of its {@code uri}. */
    public String alationName() {
        return alationName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public int connectorId() {
        return connectorId;
    }

    public boolean multipartSchema() {
        return multipartSchema;
    }

    /**
     * The data source's {@code uri} as Alation shows it: JDBC-like without the {@code jdbc:} prefix, each type in its
     * own driver's dialect, so a client has to parse them the way it would against a real instance.
     */
    String uri(String host, Integer port, String database) {
        String hostPort = port == null ? host : host + ":" + port;
        return switch (this) {
            case POSTGRESQL, MYSQL, REDSHIFT -> alationName + "://" + hostPort + "/" + database;
            case ORACLE -> "oracle:thin:@//" + hostPort + "/" + database;
            case SQLSERVER -> "sqlserver://" + hostPort + ";databaseName=" + database;
            case SNOWFLAKE -> "snowflake://" + hostPort + "/?db=" + database;
            case BIGQUERY -> "bigquery://https://" + hostPort + "/bigquery/v2;ProjectId=" + database + ";OAuthType=0;";
            case DATABRICKS -> "databricks://" + hostPort + "/default;transportMode=http;ssl=1;"
                    + "httpPath=/sql/1.0/warehouses/" + Integer.toHexString(host.hashCode() & 0xfffffff)
                    + ";ConnCatalog=" + database;
        };
    }
}
