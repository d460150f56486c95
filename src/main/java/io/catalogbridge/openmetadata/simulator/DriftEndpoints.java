package io.catalogbridge.openmetadata.simulator;

import io.catalogbridge.simulator.DriftOperations;
import io.catalogbridge.simulator.SimulatorJson;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;

/** The drift calls of the control surface ({@code /simulator/tables/{id}/...}) on the {@link OpenMetadataDrift}. */
final class DriftEndpoints extends DriftOperations {

    private final OpenMetadataDrift drift;
    private final Function<OmTable, SimulatorJson.Writer> tableJson;

    DriftEndpoints(OpenMetadataDrift drift, Function<OmTable, SimulatorJson.Writer> tableJson) {
        super(new Shape(false, "schema_fqn", true)); // UUIDs and FQNs as text; drops are soft unless asked hard
        this.drift = drift;
        this.tableJson = tableJson;
    }

    @Override
    public Table rename(String id, String name, String schema) {
        OmTable renamed = drift.rename(uuid(id), name, schema);
        return new Table(id, tableJson.apply(renamed));
    }

    @Override
    public Table move(String id) {
        UUID newId = drift.move(uuid(id));
        OmTable moved = drift.state().tables().get(newId);
        if (moved == null) {
            throw new NoSuchElementException("Table " + newId + " was dropped meanwhile");
        }
        return new Table(newId.toString(), tableJson.apply(moved));
    }

    @Override
    public void drop(String id, boolean hard) {
        drift.drop(uuid(id), hard);
    }

    /** A path id that is no UUID names no table. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw new NoSuchElementException("No table " + id);
        }
    }
}
