package io.catalogbridge.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * One name per database type, whatever the observability platform, a catalog's type field or a URI scheme call it,
 * and each type's default port, so that a side that leaves the port out still compares with one that states it.
 */
public final class DatabaseTypes {

    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";
    public static final String SQLSERVER = "sqlserver";
    public static final String ORACLE = "oracle";
    public static final String REDSHIFT = "redshift";
    public static final String SNOWFLAKE = "snowflake";
    public static final String BIGQUERY = "bigquery";
    public static final String DATABRICKS = "databricks";

    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Map<String, Integer> DEFAULT_PORTS = new HashMap<>();

    static {
        type(POSTGRESQL, 5432, "postgres", "pgsql", "pg", "amazonrdspostgresql", "aurorapostgresql");
        // MariaDB and Aurora MySQL speak MySQL's protocol; catalogs and platforms list them under either name
        type(MYSQL, 3306, "mariadb", "auroramysql", "amazonrdsmysql");
        // Azure SQL and Synapse are SQL Server behind the scenes: same protocol, same sqlserver:// URIs
        type(SQLSERVER, 1433, "mssql", "microsoftsqlserver", "azuresql", "azuresqldatabase", "azuresqldb",
                "sqlazure", "azuresynapse", "synapse", "jtds");
        type(ORACLE, 1521, "oracledb", "oraclethin");
        type(REDSHIFT, 5439, "amazonredshift", "awsredshift");
        type(SNOWFLAKE, 443, "snowflakecomputing");
        type(BIGQUERY, 443, "googlebigquery", "gbq");
        type(DATABRICKS, 443, "databricksunitycatalog", "unitycatalog", "azuredatabricks");
        type("teradata", 1025);
        type("db2", 50000, "ibmdb2");
        type("hive", 10000, "hive2", "apachehive");
        type("trino", 8080, "starburst");
        type("presto", 8080);
        type("athena", 443, "awsathena", "amazonathena");
        type("vertica", 5433);
        type("netezza", 5480);
        type("saphana", 30015, "hana");
    }

    private DatabaseTypes() {
    }

    private static void type(String canonical, int defaultPort, String... aliases) {
        CANONICAL.put(canonical, canonical);
        for (String alias : aliases) {
            CANONICAL.put(alias, canonical);
        }
        DEFAULT_PORTS.put(canonical, defaultPort);
    }

    /**
     * The canonical name of a type ("Postgres" and "jdbc:postgresql" both give {@code postgresql}). Case, spaces,
     * dashes and underscores do not count ("Azure SQL", "azure_sql"). An unknown type keeps its letters and digits,
     * lower-cased, so it still equals itself however it is written; null when nothing is known.
     */
    public static String normalise(String type) {
        if (Names.known(type) == null) {
            return null;
        }
        String compact = Names.fold(type).replaceAll("[^\\p{Alnum}]", "");
        if (compact.startsWith("jdbc")) {
            compact = compact.substring("jdbc".length());
        }
        return compact.isEmpty() ? null : CANONICAL.getOrDefault(compact, compact);
    }

    /** Whether the (already canonical) type is one this class knows by name. */
    static boolean isKnown(String canonicalType) {
        return canonicalType != null && DEFAULT_PORTS.containsKey(canonicalType);
    }

    /** The port a client of the type uses when none is given, or null for an unknown type. */
    public static Integer defaultPort(String type) {
        String canonical = normalise(type);
        return canonical == null ? null : DEFAULT_PORTS.get(canonical);
    }
}
