package io.catalogbridge.matching;

/**
 * A catalog's table as the matcher reads it. A wing's parsed table record implements this, so that the hot path
 * (1,000,000 tables of a full plan) reads the wing's objects as they come off the page, with no copy per table.
 *
 * @param <I> the catalog's id type, the same for tables and data sources: {@code Long} for numeric ids,
 *            {@code String} for UUIDs; ids compare by {@code equals} and sort by their natural order
 */
public interface CatalogTable<I extends Comparable<? super I>> {

    /** The catalog's id of the table; null when the catalog gave none. */
    I id();

    /** The id of the data source (service) the table is in; null when the catalog gave none. */
    I dataSourceId();

    /** The schema name as the catalog spells it: {@code schema}, or the multipart {@code database.schema}. */
    String schemaName();

    String name();

    /**
     * Whether the table carries everything a mapping of the wing needs. A table that matches an asset's table and
     * schema but is not mappable is passed over and counted ({@link AssetMatcher#incompleteTables()}).
     */
    default boolean isMappable() {
        return id() != null && dataSourceId() != null;
    }
}
