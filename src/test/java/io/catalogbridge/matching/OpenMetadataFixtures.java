package io.catalogbridge.matching;

import io.catalogbridge.openmetadata.OpenMetadataConnectionConfig;
import io.catalogbridge.openmetadata.OpenMetadataDatabaseService;
import io.catalogbridge.openmetadata.OpenMetadataEntityReference;
import io.catalogbridge.openmetadata.OpenMetadataFqn;
import io.catalogbridge.openmetadata.OpenMetadataServiceConnection;
import io.catalogbridge.openmetadata.OpenMetadataTable;

import java.util.UUID;

/**
 * Small fakes of OpenMetadata's objects as the matcher reads them, with the fields each test cares about up front.
 * Ids are readable UUIDs that sort as their numbers do: services {@code 00000000-0000-0001-...-n}, tables
 * {@code 00000000-0000-0002-...-n}.
 */
final class OpenMetadataFixtures {

    private OpenMetadataFixtures() {
    }

    static UUID serviceId(int n) {
        return new UUID(1, n);
    }

    static UUID tableId(int n) {
        return new UUID(2, n);
    }

    /** A host-based service (Postgres, Mssql, Mysql, Redshift...) as a bot sees it: {@code hostPort} and database. */
    static OpenMetadataDatabaseService hostService(int id, String name, String serviceType, String hostPort,
            String database) {
        return service(id, name, null, serviceType,
                new OpenMetadataConnectionConfig(serviceType, hostPort, null, database, null, null, null));
    }

    /** A Snowflake service as a bot sees it: an account, no {@code hostPort}. */
    static OpenMetadataDatabaseService snowflakeService(int id, String name, String account, String database) {
        return service(id, name, null, "Snowflake",
                new OpenMetadataConnectionConfig("Snowflake", null, account, database, null, null, null));
    }

    /** A Postgres service as a bot sees it, with a display name; the host is one no test's asset states. */
    static OpenMetadataDatabaseService namedService(int id, String name, String displayName) {
        return service(id, name, displayName, "Postgres", new OpenMetadataConnectionConfig("Postgres",
                name + ".unrelated.example:5432", null, name, null, null, null));
    }

    /** A service as a token that is neither a bot's nor an admin's sees it: {@code "connection": null}. */
    static OpenMetadataDatabaseService hiddenService(int id, String name, String serviceType) {
        return service(id, name, null, serviceType, null);
    }

    private static OpenMetadataDatabaseService service(int id, String name, String displayName, String serviceType,
            OpenMetadataConnectionConfig config) {
        return new OpenMetadataDatabaseService(serviceId(id), name, displayName, name, serviceType,
                config == null ? null : new OpenMetadataServiceConnection(config));
    }

    /** A live table of the service, its references and FQN as OpenMetadata writes them (dotted parts quoted). */
    static OpenMetadataTable table(int id, OpenMetadataDatabaseService service, String database, String schema,
            String name) {
        return table(id, service, database, schema, name, false);
    }

    /** A soft-deleted table, as {@code include=all} lists it. */
    static OpenMetadataTable deletedTable(int id, OpenMetadataDatabaseService service, String database, String schema,
            String name) {
        return table(id, service, database, schema, name, true);
    }

    private static OpenMetadataTable table(int id, OpenMetadataDatabaseService service, String database,
            String schema, String name, boolean deleted) {
        String databaseFqn = OpenMetadataFqn.build(service.name(), database);
        String schemaFqn = OpenMetadataFqn.build(service.name(), database, schema);
        return new OpenMetadataTable(tableId(id), name, OpenMetadataFqn.build(service.name(), database, schema, name),
                "Regular", deleted, service.serviceType(),
                reference(service.id(), "databaseService", service.name(), service.fullyQualifiedName()),
                reference(new UUID(3, id), "database", database, databaseFqn),
                reference(new UUID(4, id), "databaseSchema", schema, schemaFqn));
    }

    private static OpenMetadataEntityReference reference(UUID id, String type, String name, String fqn) {
        return new OpenMetadataEntityReference(id, type, name, fqn, null, false);
    }
}
