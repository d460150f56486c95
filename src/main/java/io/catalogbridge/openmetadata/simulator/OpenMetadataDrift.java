package io.catalogbridge.openmetadata.simulator;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The drift of an {@link OpenMetadataCatalog}: tables renamed, moved and dropped at run time, so that tests and the
 * demo can show mappings going stale. Only what changed is held, an overlay over the computed catalog, one entry per
 * table changed.
 *
 * <ul>
 * <li><b>rename</b>: the table keeps its id; its name, and optionally its schema (another of the same database
 * service), change, and its {@code fullyQualifiedName} is rebuilt with the quoting rule ({@link Fqn}).</li>
 * <li><b>move</b>, a re-extraction: the table is hard-deleted and re-created, same FQN and type, under a new id
 * (random-looking, the same for the same seed and the same number of moves); the old id answers 404 even with
 * {@code include=all}. The re-created table is not deleted.</li>
 * <li><b>drop</b>: a soft delete ({@code deleted: true}, shown by {@code include=all} and {@code deleted} only) or,
 * asked for, a hard one (gone everywhere).</li>
 * </ul>
 *
 * <p>Each change replaces one immutable {@link State}; a request takes the state once and answers from it whole.
 * Changes are serialized among themselves.
 */
public final class OpenMetadataDrift {

    /**
     * One consistent overlay: {@code computed} holds, as generated, every computed table that changed (renamed,
     * deleted, moved away); {@code tables} every table as it is now that differs from the computed one or is new;
     * {@code moves} how many moves were made (it numbers the next new id).
     */
    record State(Map<UUID, OmTable> computed, Map<UUID, OmTable> tables, long moves) {

        static final State NONE = new State(Map.of(), Map.of(), 0);

        /** No drift: the catalog is the computed one, which is what keeps the listings' fast path. */
        boolean isEmpty() {
            return computed.isEmpty() && tables.isEmpty();
        }

        /** Whether the computed table of this id no longer holds: a listing skips it. */
        boolean changed(UUID id) {
            return computed.containsKey(id);
        }

        private State with(OmTable computedTable, UUID id, OmTable now, long newMoves) {
            Map<UUID, OmTable> newComputed = new HashMap<>(computed);
            Map<UUID, OmTable> newTables = new HashMap<>(tables);
            if (computedTable != null) {
                newComputed.putIfAbsent(id, computedTable);
            }
            if (now == null) {
                newTables.remove(id);
            } else {
                newTables.put(id, now);
            }
            return new State(Collections.unmodifiableMap(newComputed), Collections.unmodifiableMap(newTables),
                    newMoves);
        }
    }

    private final OpenMetadataCatalog catalog;
    private volatile State state = State.NONE;

    OpenMetadataDrift(OpenMetadataCatalog catalog) {
        this.catalog = catalog;
    }

    State state() {
        return state;
    }

    /** Whether nothing has drifted (since start or the last {@link #reset()}). */
    public boolean isEmpty() {
        return state.isEmpty();
    }

    /** Renames the table in its schema; the table as it is now. */
    public OmTable rename(UUID tableId, String name) {
        return rename(tableId, name, null);
    }

    /**
     * Renames the table and, when {@code schemaFqn} is not null, puts it in that schema of its database service; the
     * table as it is now. An IllegalArgumentException when the name is blank, the schema unknown or of another
     * service, or the FQN is already a table's; a NoSuchElementException when no table has the id.
     */
    public synchronized OmTable rename(UUID tableId, String name, String schemaFqn) {
        State now = state;
        OmTable table = existing(tableId, now);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A table's name may not be blank");
        }
        OmSchema schema = schemaFqn == null ? table.schema() : catalog.schema(schemaFqn)
                .orElseThrow(() -> new IllegalArgumentException("No schema " + schemaFqn));
        if (!schema.service().equals(table.schema().service())) {
            throw new IllegalArgumentException("Schema " + schemaFqn + " is of service " + schema.service().name()
                    + ", the table of service " + table.schema().service().name());
        }
        String fqn = schema.fullyQualifiedName() + "." + Fqn.quote(name);
        Optional<OmTable> namesake = catalog.tableByFqn(fqn, now);
        if (namesake.isPresent() && !namesake.get().id().equals(tableId)) {
            throw new IllegalArgumentException("A table " + fqn + " exists already");
        }
        OmTable renamed = new OmTable(table.index(), tableId, schema, name, fqn, table.tableType(), table.deleted());
        state = now.with(catalog.computedTable(tableId).orElse(null), tableId, renamed, now.moves());
        return renamed;
    }

    /** Re-extracts the table: hard-deleted under its id and re-created under a new one, which this answers. */
    public synchronized UUID move(UUID tableId) {
        State now = state;
        OmTable table = existing(tableId, now);
        long moves = now.moves();
        UUID newId = catalog.movedTableId(moves);
        // an index past the computed ones: what the data-quality side numbers a table's suite by
        OmTable moved = new OmTable(catalog.tableCount() + moves, newId, table.schema(), table.name(),
                table.fullyQualifiedName(), table.tableType(), false);
        state = now.with(catalog.computedTable(tableId).orElse(null), tableId, null, moves + 1)
                .with(null, newId, moved, moves + 1);
        return newId;
    }

    /** Soft-deletes the table ({@code deleted: true}). */
    public OmTable drop(UUID tableId) {
        return drop(tableId, false);
    }

    /** Deletes the table: softly, or with {@code hard} for good (404 from then on); the table, or null when hard. */
    public synchronized OmTable drop(UUID tableId, boolean hard) {
        State now = state;
        OmTable table = existing(tableId, now);
        OmTable deleted = hard ? null : new OmTable(table.index(), tableId, table.schema(), table.name(),
                table.fullyQualifiedName(), table.tableType(), true);
        state = now.with(catalog.computedTable(tableId).orElse(null), tableId, deleted, now.moves());
        return deleted;
    }

    /** Undoes every drift: the catalog is the computed one again, and moves number from the start again. */
    public synchronized void reset() {
        state = State.NONE;
    }

    /** The table of the id, soft-deleted ones too. */
    private OmTable existing(UUID tableId, State now) {
        return catalog.table(tableId, now).orElseThrow(() -> new NoSuchElementException("No table " + tableId));
    }
}
