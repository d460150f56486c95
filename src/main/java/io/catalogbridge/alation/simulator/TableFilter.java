package io.catalogbridge.alation.simulator;

/**
 * The filters of {@code GET /integration/v2/table/}; a null filter is not applied. All given filters must hold.
 * {@code name} and {@code schemaName} compare exactly, the {@code Iexact} ones ignoring case, {@code idGt} keeps ids
 * strictly greater.
 */
record TableFilter(
        Long id, Long dsId, Long schemaId, String schemaName, String schemaNameIexact, String name, String nameIexact,
        Long idGt) {

    static final TableFilter ALL = new TableFilter(null, null, null, null, null, null, null, null);
}
