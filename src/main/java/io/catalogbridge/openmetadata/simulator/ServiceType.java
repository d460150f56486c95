package io.catalogbridge.openmetadata.simulator;

/**
 * The database service types the simulated catalog holds, each with OpenMetadata's {@code serviceType}, the case its
 * names are written in, whether it has a database level of its own (MySQL and Oracle file their schemas under the
 * database {@code default}), and the databases and schemas such a source usually has.
 */
public enum ServiceType {
    SNOWFLAKE("Snowflake", NameCase.UPPER, true, new String[] {"ANALYTICS", "RAW", "SALES", "FINANCE"},
            new String[] {"PUBLIC", "MARTS", "STAGING", "RAW", "HR.2017", "REPORTING", "SANDBOX", "Finance"}),
    POSTGRES("Postgres", NameCase.LOWER, true, new String[] {"sales", "dwh", "analytics", "crm"},
            new String[] {"public", "fin.ledger", "sales", "hr", "reporting", "staging", "Marketing", "audit"}),
    MYSQL("Mysql", NameCase.LOWER, false, new String[] {"default"},
            new String[] {"shop", "legacy.v1", "crm", "billing", "inventory", "support", "web_analytics"}),
    MSSQL("Mssql", NameCase.PASCAL, true, new String[] {"adventureworks", "northwind", "WideWorldImporters"},
            new String[] {"dbo", "SalesLT", "Person", "Production", "Sales.Archive", "HumanResources"}),
    DATABRICKS("Databricks", NameCase.LOWER, true, new String[] {"main", "hive_metastore", "lakehouse"},
            new String[] {"default", "bronze", "silver", "gold", "ml.features"}),
    REDSHIFT("Redshift", NameCase.LOWER, true, new String[] {"dev", "dwh", "marts"},
            new String[] {"public", "dwh", "staging", "spectrum", "reporting"}),
    ORACLE("Oracle", NameCase.UPPER, false, new String[] {"default"},
            new String[] {"HR", "SALES", "FINANCE", "OE", "SH", "APPS"}),
    BIGQUERY("BigQuery", NameCase.LOWER, true, new String[] {"acme-analytics", "acme-marketing", "acme-finance"},
            new String[] {"analytics_271828", "marketing", "sales_reporting", "raw_events", "dbt_prod"});

    /** How a type writes its table, column and schema names. */
    public enum NameCase {
        LOWER, UPPER, PASCAL
    }

    private final String openMetadataName;
    private final NameCase nameCase;
    private final boolean hasDatabases;
    private final String[] databases;
    private final String[] schemas;

    ServiceType(String openMetadataName, NameCase nameCase, boolean hasDatabases, String[] databases,
                String[] schemas) {
        this.openMetadataName = openMetadataName;
        this.nameCase = nameCase;
        this.hasDatabases = hasDatabases;
        this.databases = databases;
        this.schemas = schemas;
    }

    /** The {@code serviceType} (and {@code connection.config.type}) value. */
    public String openMetadataName() {
        return openMetadataName;
    }

    public NameCase nameCase() {
        return nameCase;
    }

    /** False for MySQL and Oracle: one database, {@code default}, holds the source's databases as schemas. */
    public boolean hasDatabases() {
        return hasDatabases;
    }

    String database(int index) {
        return databases[index % databases.length];
    }

    int databaseChoices() {
        return databases.length;
    }

    /** The {@code index}-th schema name of a database: the usual one first, numbered once the list runs out. */
    String schema(int index) {
        int round = index / schemas.length;
        return schemas[index % schemas.length] + (round == 0 ? "" : "_" + (round + 1));
    }
}
