package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/**
 * A schema of the simulated catalog. Its tables are the catalog indexes {@code firstTable .. firstTable + size - 1};
 * the table at position {@code p} is named after the name slot {@code (multiplier * p + offset) mod COMBINATIONS}
 * (plus the round {@code p / COMBINATIONS}), so the positions map to names by arithmetic both ways.
 */
public record OmSchema(
        int index, UUID id, OmDatabase database, String name, String fullyQualifiedName, ServiceType.NameCase nameCase,
        long firstTable, int size, int multiplier, int inverse, int offset) {

    public OmService service() {
        return database.service();
    }
}
