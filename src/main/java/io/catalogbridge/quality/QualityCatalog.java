package io.catalogbridge.quality;

/**
 * A wing's part in quality results: the catalog it is, and two queries of its own tables that tell the core where a
 * tenant's results are to be delivered. One bean per wing (in {@code io.catalogbridge.<catalog>}); the core
 * ({@link QualityCatalogs}) runs the queries inside the transaction that stores results, and never names a catalog.
 *
 * <p>Both queries are files under {@code sql/}, prefixed with the catalog ({@code <catalog>-quality-*.sql}).
 */
public interface QualityCatalog {

    /** The catalog's id, as in {@code quality_delivery.catalog} and the keys of a result's {@code deliveries}. */
    String catalog();

    /** A query that takes {@code :#tenant} and answers a row when the tenant has an integration of the catalog. */
    String configuredQuery();

    /**
     * A query that takes {@code :#tenant} and {@code :#asset_ids} (a text array) and answers, for those of the assets
     * that are mapped to a table of the catalog, the {@code asset_id} and its {@code location}: the wing's name of
     * that table, as the wing reports it when it delivers there ({@code QualityBatch.delivered}). A result whose
     * catalog copy is elsewhere than its asset's location is moved (see {@link QualityCatalogs#requeue}).
     */
    String locationsQuery();
}
