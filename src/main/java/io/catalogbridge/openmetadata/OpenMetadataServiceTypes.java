package io.catalogbridge.openmetadata;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How OpenMetadata's {@code serviceType} names the observability platform's database types, and how each type files
 * its tables. The names are OpenMetadata's exactly as its {@code databaseService.json} enum spells them.
 */
public final class OpenMetadataServiceTypes {

    /** The database OpenMetadata files a database-less service's schemas under when {@code databaseName} is unset. */
    public static final String DEFAULT_DATABASE = "default";

    /** Observability type → the service types that hold its tables. */
    private static final Map<String, List<String>> SERVICE_TYPES = Map.of(
            "postgresql", List.of("Postgres"),
            "sqlserver", List.of("Mssql"),
            "mysql", List.of("Mysql", "MariaDB"),
            "snowflake", List.of("Snowflake"),
            // Unity Catalog is Databricks' catalog, ingested by its own connector
            "databricks", List.of("Databricks", "UnityCatalog"),
            "bigquery", List.of("BigQuery"),
            "redshift", List.of("Redshift"),
            "oracle", List.of("Oracle"));

    /**
     * Service types whose source has no database level above its schemas: OpenMetadata files their schemas under one
     * database it names itself, {@code databaseName} or {@code default}. These are the connection schemas of
     * openmetadata-spec 1.4 whose {@code databaseName} says so (checked by a test against the jar); Oracle is among
     * them: its OpenMetadata schemas are Oracle's schemas (users), under {@code default}.
     */
    private static final Set<String> DATABASE_LESS = ignoringCase("Mysql", "MariaDB", "SingleStore", "Doris", "Oracle",
            "Hive", "Impala", "Clickhouse", "Druid", "Athena", "Glue", "DeltaLake", "Datalake", "DynamoDB", "MongoDB",
            "Salesforce", "DomoDatabase");

    private OpenMetadataServiceTypes() {
    }

    /**
     * The observability platform's name for a service type ({@code Mssql} → {@code sqlserver}); a type with no
     * counterpart keeps its own name, lower-cased ({@code Trino} → {@code trino}), so that it still equals itself.
     */
    public static String observabilityType(String serviceType) {
        if (serviceType == null || serviceType.isBlank()) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : SERVICE_TYPES.entrySet()) {
            if (entry.getValue().stream().anyMatch(type -> type.equalsIgnoreCase(serviceType.trim()))) {
                return entry.getKey();
            }
        }
        return serviceType.trim().toLowerCase(Locale.ROOT);
    }

    /** The service types that can hold tables of an observability type; empty when OpenMetadata has none known. */
    public static List<String> serviceTypes(String observabilityType) {
        return observabilityType == null ? List.of()
                : SERVICE_TYPES.getOrDefault(observabilityType.trim().toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Whether OpenMetadata files the service's schemas under one database of its own naming (MySQL-like). Asked for
     * every table the matcher considers, so it allocates nothing for a type written without surrounding spaces.
     */
    public static boolean isDatabaseLess(String serviceType) {
        return serviceType != null && DATABASE_LESS.contains(serviceType.trim());
    }

    /**
     * The one OpenMetadata database a database-less service's schemas are under ({@code databaseName}, or
     * {@code default}), or null for a service whose databases are the source's own. An asset of such a service matches
     * on its {@code schema} alone (a MySQL asset's schema is the MySQL database), under this database; with the
     * connection hidden, {@code default} is the best guess and the listing of the service's databases says better.
     */
    public static String fixedDatabase(OpenMetadataDatabaseService service) {
        if (!isDatabaseLess(service.serviceType())) {
            return null;
        }
        OpenMetadataConnectionConfig config = service.config();
        return config != null && config.databaseName() != null ? config.databaseName() : DEFAULT_DATABASE;
    }

    private static Set<String> ignoringCase(String... types) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(types));
        return Collections.unmodifiableSet(set);
    }
}
