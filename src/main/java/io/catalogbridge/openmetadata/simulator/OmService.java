package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/**
 * A database service of the simulated catalog with its whole connection: {@code hostPort} for host-based types,
 * Snowflake's {@code account} (its host without {@code .snowflakecomputing.com}), and the database the connection
 * names ({@code database}, or MySQL's and Oracle's {@code databaseName}, null when the source keeps {@code default}).
 */
public record OmService(
        int index, UUID id, String name, String displayName, ServiceType type, String hostPort, String account,
        String database) {
}
