package io.catalogbridge.simulator;

import java.util.NoSuchElementException;

/**
 * What a simulated catalog can change of its tables at run time ("drift"), as {@link SimulatorControl} calls it for
 * {@code POST /simulator/tables/{id}/rename|move|drop}: the control surface parses the call and shapes the answer,
 * the catalog changes its tables and writes them as its API shows them. Ids come as the path gives them.
 *
 * <p>Each operation throws {@link NoSuchElementException} when no table has the id (the control answers 404) and
 * {@link IllegalArgumentException} when the catalog refuses the change (400).
 */
public abstract class DriftOperations {

    /** A table as the catalog's API shows it, under its id (text as the path gives it). */
    public record Table(String id, SimulatorJson.Writer json) {
    }

    /**
     * How a catalog's drift calls read and answer. {@code numericIds}: its ids are whole numbers, so a path id that is
     * no number names no table, the answers write ids as numbers, and a rename's schema is a number; else all of them
     * are text. {@code schemaField}: the body field of a rename naming the schema the table goes to. {@code
     * softDrops}: a drop keeps the table, marked deleted, unless {@code "hard": true} asks for its removal.
     */
    public record Shape(boolean numericIds, String schemaField, boolean softDrops) {
    }

    private final Shape shape;

    protected DriftOperations(Shape shape) {
        this.shape = shape;
    }

    public final Shape shape() {
        return shape;
    }

    /** Gives the table another name and, when {@code schema} is not null, puts it in that schema; keeps its id. */
    public abstract Table rename(String id, String name, String schema);

    /** Re-creates the table under a new id, its old id gone: what a re-extraction does; the table under its new id. */
    public abstract Table move(String id);

    /** Drops the table: removed, or (where the catalog soft-deletes and {@code hard} is false) marked deleted. */
    public abstract void drop(String id, boolean hard);
}
