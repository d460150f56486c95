package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.DriftOperations;
import java.util.NoSuchElementException;

/** The drift calls of the control surface ({@code /simulator/tables/{id}/...}) on the catalog's {@link CatalogDrift}. */
final class DriftEndpoints extends DriftOperations {

    private final SimulatedCatalog catalog;

    DriftEndpoints(SimulatedCatalog catalog) {
        super(new Shape(true, "schema_id", false)); // numeric ids; Alation keeps no deleted tables
        this.catalog = catalog;
    }

    @Override
    public Table rename(String id, String name, String schema) {
        long tableId = Long.parseLong(id);
        CatalogDrift drift = catalog.drift();
        return shown(schema == null ? drift.rename(tableId, name) : drift.rename(tableId, name, Long.parseLong(schema)));
    }

    @Override
    public Table move(String id) {
        long newId = catalog.drift().move(Long.parseLong(id));
        return shown(catalog.table(newId).orElseThrow(() -> new NoSuchElementException("moved away meanwhile")));
    }

    @Override
    public void drop(String id, boolean hard) {
        catalog.drift().drop(Long.parseLong(id));
    }

    private static Table shown(SimulatedTable table) {
        return new Table(String.valueOf(table.id()), json -> CatalogJson.table(json, table));
    }
}
