package io.catalogbridge.matching;

/**
 * Builds a wing's mapping of an asset to the one table matching chose, in the wing's documented shape.
 *
 * @param <I> the catalog's id type
 * @param <T> the wing's table type
 * @param <M> the wing's mapping type
 */
@FunctionalInterface
public interface MappingFactory<I extends Comparable<? super I>, T extends CatalogTable<I>, M> {

    M mapping(String assetId, T table, CatalogDataSource<I> dataSource);
}
