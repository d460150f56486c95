package io.catalogbridge.mapping;

import io.catalogbridge.matching.CatalogTable;
import java.util.Map;

/**
 * A wing's part of verifying its mappings ({@code routes/mapping/verification.camel.yaml}): how its mappings read
 * from its page query, which table each points at, and what a mapping becomes given its table as the catalog has it
 * now. One bean per catalog; the core finds it by {@link #catalog()}. The wing also serves
 * {@code direct:fetch-<catalog>-mapped-tables} (a batch of its mappings in, the tables the catalog still has under
 * their ids out, in a few requests) and {@code sql/<catalog>-mapping-delete-batch.sql}.
 *
 * @param <I> the catalog's id type
 * @param <T> the wing's table type
 * @param <M> the wing's mapping type
 */
public interface MappingChecks<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    /** The catalog's id, as in the job's {@code catalog} column. */
    String catalog();

    /** The wing's page query of its mappings, the listing's ({@code <catalog>-mapping-select-page.sql}). */
    String pageQuery();

    /** A mapping from a row of the page query. */
    M mapping(Map<String, Object> row);

    /** The table a mapping points at. */
    I tableId(M mapping);

    /**
     * The same asset's mapping to the table as the catalog has it now, in the documented shape; null when the table
     * can be no mapping's target any more (e.g. soft-deleted).
     */
    M refreshed(M mapping, T table);

    /** How many mappings one {@code direct:fetch-<catalog>-mapped-tables} call takes. */
    int checkBatchSize();
}
