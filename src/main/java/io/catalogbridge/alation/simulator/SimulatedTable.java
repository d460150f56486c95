package io.catalogbridge.alation.simulator;

/** A table (or view) of the simulated catalog, with exactly the fields the simulator serves for it. */
public record SimulatedTable(
        long id, String name, String title, String description, long dsId, String key, String url, String tableType,
        long schemaId, String schemaName) {

    public static final String TABLE = "TABLE";
    public static final String VIEW = "VIEW";

    public boolean isView() {
        return VIEW.equals(tableType);
    }
}
