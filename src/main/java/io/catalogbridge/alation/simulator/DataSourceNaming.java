package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.Hashing;
import io.catalogbridge.alation.simulator.TableNames.Style;
import java.util.Arrays;

/**
 * What the simulated data sources and schemas are called, per database type: hosts, databases, schema names and the
 * case their tables are written in, each as the type's own tools tend to name them.
 */
final class DataSourceNaming {

    private static final String[] ENVIRONMENTS = {"prod", "staging", "dev", "qa", "test", "sandbox", "archive", "dr"};
    private static final String[] SNOWFLAKE_ACCOUNTS = {"acme", "globex", "initech", "umbrella"};
    private static final long SALT_HOST = 11;
    private static final long SALT_DATABASE = 12;
    private static final long SALT_SCHEMA_ORDER = 13;
    private static final long SALT_SCHEMA_DATABASE = 14;

    private DataSourceNaming() {
    }

    /** The environment of the n-th source of one type: prod, then its staging clone, then dev, qa, ... */
    static String environment(int cycle) {
        return cycle < ENVIRONMENTS.length ? ENVIRONMENTS[cycle] : "env" + cycle;
    }

    static String label(DbType type) {
        return switch (type) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case ORACLE -> "Oracle";
            case SQLSERVER -> "SQL Server";
            case SNOWFLAKE -> "Snowflake";
            case REDSHIFT -> "Redshift";
            case BIGQUERY -> "BigQuery";
            case DATABRICKS -> "Databricks";
        };
    }

    /** The case a type's tables are usually written in; a schema in five departs from it. */
    static Style style(DbType type) {
        return switch (type) {
            case ORACLE, SNOWFLAKE -> Style.UPPER_SNAKE;
            case SQLSERVER -> Style.PASCAL;
            default -> Style.LOWER_SNAKE;
        };
    }

    static String host(DbType type, int cycle, long seed) {
        int n = cycle + 1;
        long hash = Hashing.hash(seed, SALT_HOST, type.ordinal() * 1_000L + cycle);
        return switch (type) {
            case POSTGRESQL -> "pg-" + n + ".example.internal";
            case MYSQL -> "mysql-" + n + ".example.internal";
            case ORACLE -> "ora-" + n + ".example.internal";
            case SQLSERVER -> "mssql-" + n + ".example.internal";
            case SNOWFLAKE -> SNOWFLAKE_ACCOUNTS[Hashing.below(hash, SNOWFLAKE_ACCOUNTS.length)]
                    + (cycle == 0 ? "" : "-" + environment(cycle)) + ".snowflakecomputing.com";
            case REDSHIFT -> "dwh-" + n + ".c" + Long.toHexString(hash & 0xFFFFFFFFFFL)
                    + ".us-east-1.redshift.amazonaws.com";
            case BIGQUERY -> "www.googleapis.com"; // every BigQuery source: the project tells them apart
            case DATABRICKS -> "adb-" + Long.toString(Long.remainderUnsigned(hash, 9_000_000_000_000_000L)
                    + 1_000_000_000_000_000L) + "." + n + ".azuredatabricks.net";
        };
    }

    /** The database of the n-th source of one type; the staging clone (cycle 1) shares prod's. */
    static String database(DbType type, int cycle, long seed) {
        String[] pool = databases(type);
        int first = Hashing.below(Hashing.hash(seed, SALT_DATABASE, type.ordinal()), pool.length);
        String database = pool[(first + Math.max(0, cycle - 1)) % pool.length];
        // all BigQuery sources share one host: a clone on the same project would be the same connection
        return type == DbType.BIGQUERY && cycle > 0 ? database + "-" + environment(cycle) : database;
    }

    /**
     * The name parts of a source's {@code index}-th schema: {@code [schema]}, or {@code [database, schema]} for the
     * multipart types. The first is the type's usual schema; the others follow a list rotated per source, numbered
     * once it runs out, so names never repeat within a source.
     */
    static String[] schemaParts(SimulatedDataSource source, int index, long seed) {
        DbType type = source.dbType();
        String[] pool = schemas(type);
        String schema = pool[0];
        if (index > 0) {
            int others = pool.length - 1;
            int rotation = Hashing.below(Hashing.hash(seed, SALT_SCHEMA_ORDER, source.id()), others);
            int round = (index - 1) / others;
            schema = pool[1 + (index - 1 + rotation) % others] + (round > 0 ? "_" + round : "");
        }
        if (!type.multipartSchema()) {
            return new String[] {schema};
        }
        String database = source.dbName();
        long hash = Hashing.hash(seed, SALT_SCHEMA_DATABASE, source.id() * 1_000_000L + index);
        if (index > 0 && Hashing.below(hash, 4) == 0) {
            String[] databases = databases(type);
            String other = databases[Hashing.below(hash >>> 8, databases.length)];
            database = other.equals(database) ? databases[(Arrays.asList(databases).indexOf(other) + 1)
                    % databases.length] : other;
        }
        return new String[] {database, schema};
    }

    private static String[] databases(DbType type) {
        return switch (type) {
            case POSTGRESQL -> new String[] {"sales", "dwh", "analytics", "crm", "billing"};
            case MYSQL -> new String[] {"shop", "wordpress", "crm", "inventory", "support"};
            case ORACLE -> new String[] {"ORCLPDB1", "FINPROD", "HRPROD", "ERP"};
            case SQLSERVER -> new String[] {"adventureworks", "northwind", "WideWorldImporters", "ReportServer"};
            case SNOWFLAKE -> new String[] {"SALES", "ANALYTICS", "RAW", "FINANCE"};
            case REDSHIFT -> new String[] {"dev", "dwh", "analytics", "marts"};
            case BIGQUERY -> new String[] {"acme-analytics", "acme-marketing", "acme-finance", "acme-data-lake"};
            case DATABRICKS -> new String[] {"main", "hive_metastore", "lakehouse", "finance"};
        };
    }

    private static String[] schemas(DbType type) {
        return switch (type) {
            case POSTGRESQL -> new String[] {"public", "sales", "hr", "finance", "Reporting", "staging", "HR.2017",
                "marketing", "inventory", "audit", "analytics", "crm"};
            case MYSQL -> new String[] {"shop", "crm", "billing", "Inventory", "support", "web_analytics", "legacy",
                "etl"};
            case ORACLE -> new String[] {"HR", "SALES", "FINANCE", "OE", "SH", "PM", "HR.2017", "Scott", "APPS"};
            case SQLSERVER -> new String[] {"dbo", "SalesLT", "Person", "Production", "Sales", "HumanResources",
                "Purchasing", "staging"};
            case SNOWFLAKE -> new String[] {"PUBLIC", "RAW", "STAGING", "MARTS", "ANALYTICS", "Finance", "SANDBOX",
                "REPORTING"};
            case REDSHIFT -> new String[] {"public", "dwh", "staging", "marts", "spectrum", "Finance", "reporting"};
            case BIGQUERY -> new String[] {"analytics_271828", "marketing", "sales_reporting", "Finance", "raw_events",
                "dbt_prod"};
            case DATABRICKS -> new String[] {"default", "bronze", "silver", "gold", "Sales", "ml_features"};
        };
    }
}
