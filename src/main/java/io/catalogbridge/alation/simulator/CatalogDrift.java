package io.catalogbridge.alation.simulator;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The drift of a {@link SimulatedCatalog}: tables renamed, moved and dropped at run time, so that tests and the demo
 * can show mappings going stale. Only what changed is held, an overlay over the computed catalog: a million-table
 * catalog stays computed, and costs one entry per table changed.
 *
 * <ul>
 * <li><b>rename</b>: the table keeps its id; its name, and optionally its schema (another of the same data source),
 * change, and with them its key. Listings, filters and lookups show the new name from then on.</li>
 * <li><b>move</b>, what a re-extraction does: the table is gone under its id and the same table (source, schema,
 * name, type, title, description) is there under a new id, above every id the catalog has held.</li>
 * <li><b>drop</b>: the table is gone from every listing and lookup (Alation keeps no deleted tables).</li>
 * </ul>
 *
 * <p>Each change replaces one immutable {@link State}; a request takes the state once and answers from it whole, so a
 * listing being streamed while a table is dropped stays consistent. Changes are serialized among themselves.
 */
public final class CatalogDrift {

    /**
     * One consistent overlay: {@code tables} holds the table as it is now of every id renamed or moved to;
     * {@code changed} every id whose computed table no longer holds (those, and the ids moved away or dropped);
     * {@code nextId} the id the next move gives.
     */
    record State(NavigableMap<Long, SimulatedTable> tables, NavigableSet<Long> changed, long nextId) {

        /** No drift: the catalog is the computed one, which is what keeps the listings' fast path. */
        boolean isEmpty() {
            return changed.isEmpty();
        }

        private State with(long id, SimulatedTable table, long nextId) {
            NavigableMap<Long, SimulatedTable> newTables = new TreeMap<>(tables);
            NavigableSet<Long> newChanged = new TreeSet<>(changed);
            if (table == null) {
                newTables.remove(id);
            } else {
                newTables.put(id, table);
            }
            newChanged.add(id);
            return new State(Collections.unmodifiableNavigableMap(newTables),
                    Collections.unmodifiableNavigableSet(newChanged), nextId);
        }
    }

    private final SimulatedCatalog catalog;
    private final State none;
    private volatile State state;

    CatalogDrift(SimulatedCatalog catalog, long firstNewId) {
        this.catalog = catalog;
        this.none = new State(Collections.emptyNavigableMap(), Collections.emptyNavigableSet(), firstNewId);
        this.state = none;
    }

    State state() {
        return state;
    }

    /** Whether nothing has drifted (since start or the last {@link #reset()}). */
    public boolean isEmpty() {
        return state.isEmpty();
    }

    /** Renames the table in its schema; the table as it is now. */
    public SimulatedTable rename(long tableId, String newName) {
        return rename(tableId, newName, null);
    }

    /**
     * Renames the table and puts it in another schema of its data source; the table as it is now. An
     * IllegalArgumentException when the name is blank, the schema unknown or of another source, or the schema
     * already holds a table of that name (exact case); a NoSuchElementException when no table has the id.
     */
    public SimulatedTable rename(long tableId, String newName, long schemaId) {
        return rename(tableId, newName, Long.valueOf(schemaId));
    }

    private synchronized SimulatedTable rename(long tableId, String newName, Long schemaId) {
        State now = state;
        SimulatedTable table = existing(tableId, now);
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A table's name may not be blank");
        }
        SimulatedSchema schema = catalog.schema(schemaId == null ? table.schemaId() : schemaId)
                .orElseThrow(() -> new IllegalArgumentException("No schema " + schemaId));
        if (schema.dsId() != table.dsId()) {
            throw new IllegalArgumentException("Schema " + schema.id() + " is of data source " + schema.dsId()
                    + ", table " + tableId + " of data source " + table.dsId());
        }
        IdRanges namesake = catalog.selectTables(new TableFilter(null, null, schema.id(), null, null, newName, null,
                null), now);
        if (namesake.total() > 1 || namesake.total() == 1 && !namesake.contains(tableId)) {
            throw new IllegalArgumentException("Schema " + schema.name() + " already holds a table named " + newName);
        }
        SimulatedTable renamed = new SimulatedTable(tableId, newName, table.title(), table.description(),
                table.dsId(), schema.key() + "." + AlationKeys.quote(newName), table.url(), table.tableType(),
                schema.id(), schema.name());
        state = now.with(tableId, renamed, now.nextId());
        return renamed;
    }

    /** Re-extracts the table: gone under its id, the same table under a new one, which this answers. */
    public synchronized long move(long tableId) {
        State now = state;
        SimulatedTable table = existing(tableId, now);
        long newId = now.nextId();
        SimulatedTable moved = new SimulatedTable(newId, table.name(), table.title(), table.description(),
                table.dsId(), table.key(), "/table/" + newId + "/", table.tableType(), table.schemaId(),
                table.schemaName());
        state = now.with(tableId, null, newId + 1).with(newId, moved, newId + 1);
        return newId;
    }

    /** Drops the table: gone from every listing and lookup. */
    public synchronized void drop(long tableId) {
        State now = state;
        existing(tableId, now);
        state = now.with(tableId, null, now.nextId());
    }

    /** Undoes every drift: the catalog is the computed one again, and moves number from the start again. */
    public synchronized void reset() {
        state = none;
    }

    private SimulatedTable existing(long tableId, State now) {
        return catalog.table(tableId, now).orElseThrow(() -> new NoSuchElementException("No table " + tableId));
    }
}
