package io.catalogbridge.matching;

import java.util.Map;

/**
 * The tenant's data-source links (rule 1a) as the matcher reads them. A link is the user's word, so it holds even
 * when the catalog does not list its data source: one by id still chooses that id (its tables may be listed all the
 * same); one whose data source a wing could not find by the name the link gives chooses no data source, and the
 * reasons name what the link says, for the user to fix.
 *
 * @param ids      observability data source name → the catalog's data source id
 * @param unlisted observability data source name → the catalog's data source as the link names it, for links that
 *                 name a data source the catalog does not list; a name in both maps takes its id
 * @param <I>      the catalog's id type
 */
public record DataSourceLinks<I extends Comparable<? super I>>(Map<String, I> ids, Map<String, String> unlisted) {

    public DataSourceLinks {
        ids = ids == null ? Map.of() : ids;
        unlisted = unlisted == null ? Map.of() : unlisted;
    }

    /** Links that give the catalog's data source ids. */
    public static <I extends Comparable<? super I>> DataSourceLinks<I> of(Map<String, I> ids) {
        return new DataSourceLinks<>(ids, Map.of());
    }
}
