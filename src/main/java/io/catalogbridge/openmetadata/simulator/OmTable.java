package io.catalogbridge.openmetadata.simulator;

import java.util.UUID;

/** A table of the simulated catalog, computed from its index and never stored. */
public record OmTable(
        long index, UUID id, OmSchema schema, String name, String fullyQualifiedName, String tableType,
        boolean deleted) {
}
