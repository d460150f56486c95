package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/** A database of the simulated catalog: Snowflake's or Postgres' database, Databricks' catalog, MySQL's default. */
public record OmDatabase(int index, UUID id, OmService service, String name, String fullyQualifiedName) {

    /** MySQL and Oracle sources have no database level: OpenMetadata files their schemas under this one. */
    public boolean isDefault() {
        return !service.type().hasDatabases();
    }
}
