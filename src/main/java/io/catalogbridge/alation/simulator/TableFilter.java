package io.catalogbridge.alation.simulator;

import java.util.NavigableSet;

/**
 * The filters of {@code GET /integration/v2/table/}; a null filter is not applied. All given filters must hold.
 * {@code ids} keeps the tables whose id is any of them ({@code id} repeated, as Alation's SDK sends a set),
 * {@code name} and {@code schemaName} compare exactly, the {@code Iexact} ones ignoring case, {@code idGt} keeps ids
 * strictly greater.
 */
record TableFilter(
        NavigableSet<Long> ids, Long dsId, Long schemaId, String schemaName, String schemaNameIexact, String name,
        String nameIexact, Long idGt) {

    static final TableFilter ALL = new TableFilter(null, null, null, null, null, null, null, null);

    /** Whether a table, as it is now, passes every filter given: how the tables a drift changed are selected. */
    boolean admits(SimulatedTable table) {
        return (ids == null || ids.contains(table.id()))
                && (dsId == null || dsId == table.dsId())
                && (schemaId == null || schemaId == table.schemaId())
                && (schemaName == null || schemaName.equals(table.schemaName()))
                && (schemaNameIexact == null || schemaNameIexact.equalsIgnoreCase(table.schemaName()))
                && (name == null || name.equals(table.name()))
                && (nameIexact == null || nameIexact.equalsIgnoreCase(table.name()))
                && (idGt == null || table.id() > idGt);
    }
}
