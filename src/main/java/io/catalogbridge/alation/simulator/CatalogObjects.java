package io.catalogbridge.alation.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the object keys that data-quality values name, the way Alation does: ignoring case, whatever the quoting.
 * A schema is {@code <ds_id>.<schema name parts>}, a table {@code <schema key>.<table>}, a column
 * {@code <table key>.<column>}. The simulated tables have no columns of their own, so every column name of an existing
 * table exists. Two tables of one schema whose names differ only in case (the catalog's case twins) share one key
 * ignoring case, so Alation resolves both spellings to one object: here always the first twin (the lower id), and
 * the second twin's values land on it.
 */
final class CatalogObjects {

    /** The data-quality object types and how many key parts follow the schema's. */
    enum ObjectType {
        SCHEMA(0), TABLE(1), ATTRIBUTE(2);

        private final int partsAfterSchema;

        ObjectType(int partsAfterSchema) {
            this.partsAfterSchema = partsAfterSchema;
        }
    }

    private final SimulatedCatalog catalog;
    /** Every schema by its lower-cased key: a few thousand at most, so held. */
    private final Map<String, SimulatedSchema> schemasByKey = new HashMap<>();

    CatalogObjects(SimulatedCatalog catalog) {
        this.catalog = catalog;
        for (SimulatedSchema schema : catalog.schemas()) {
            schemasByKey.put(schema.key().toLowerCase(Locale.ROOT), schema);
        }
    }

    /** The catalog's own spelling of the object's key, or null when the catalog has no such object. */
    String resolve(ObjectType type, String key) {
        List<String> parts = AlationKeys.parts(key);
        int schemaParts = parts == null ? 0 : parts.size() - 1 - type.partsAfterSchema;
        if (schemaParts < 1 || schemaParts > 2) { // a schema name is one part, or two for database.schema
            return null;
        }
        long dsId;
        try {
            dsId = Long.parseLong(parts.get(0));
        } catch (NumberFormatException notADataSource) {
            return null;
        }
        SimulatedSchema schema = schemasByKey.get(AlationKeys.key(dsId, parts.subList(1, 1 + schemaParts)
                .toArray(String[]::new)).toLowerCase(Locale.ROOT));
        if (schema == null || type == ObjectType.SCHEMA) {
            return schema == null ? null : schema.key();
        }
        SimulatedTable table = table(schema, parts.get(1 + schemaParts));
        if (table == null || type == ObjectType.TABLE) {
            return table == null ? null : table.key();
        }
        return table.key() + "." + AlationKeys.quote(parts.get(parts.size() - 1));
    }

    /** The table of the schema named so ignoring case, the lowest id of twins; null when there is none. */
    private SimulatedTable table(SimulatedSchema schema, String name) {
        CatalogDrift.State drift = catalog.drift().state();
        IdRanges ids = catalog.selectTables(new TableFilter(null, null, schema.id(), null, null, null, name, null),
                drift);
        return ids.total() == 0 ? null : catalog.table(ids.from(0).nextLong(), drift).orElseThrow();
    }
}
