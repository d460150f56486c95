package io.catalogbridge.matching;

import java.util.List;

/**
 * A catalog's data source as the matcher reads it (rule 1 of design.md's matching): its id, the titles an asset's
 * data source name may equal (the first is the one reasons and mappings show), and its connection facts. A wing
 * builds these from its own objects; they are few (one per data source), so a copy costs nothing.
 *
 * @param connectionHidden the catalog withheld the connection from the caller (a catalog may show it only to some
 *                         users): the connection is unknown not because the data source has none but because it was
 *                         not shown, so only links and titles can choose it, and the reasons say why
 * @param <I> the catalog's id type, as {@link CatalogTable}'s
 */
public record CatalogDataSource<I extends Comparable<? super I>>(I id, List<String> titles,
        DataSourceConnection connection, boolean connectionHidden) {

    public CatalogDataSource {
        titles = titles == null ? List.of() : titles.stream().filter(title -> title != null).toList();
        connection = connection == null ? DataSourceConnection.UNKNOWN : connection;
    }

    /** A data source whose connection the catalog showed, as far as it knows it. */
    public CatalogDataSource(I id, List<String> titles, DataSourceConnection connection) {
        this(id, titles, connection, false);
    }

    /** The title shown in reasons and mappings, or null when the data source has none. */
    public String title() {
        return titles.isEmpty() ? null : titles.get(0);
    }
}
