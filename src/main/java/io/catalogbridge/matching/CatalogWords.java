package io.catalogbridge.matching;

/**
 * How a catalog is named in the matcher's reasons, so that core code names no catalog.
 *
 * @param displayName            the catalog's name as users read it (in "any of the 10 ... data sources", "no ...
 *                               table can match it")
 * @param linkIdField            the JSON field of a data-source link that names the catalog's data source (by id or
 *                               by name, as the catalog's links do), named when a link points at a data source the
 *                               catalog does not list
 * @param hiddenConnectionCause  for a catalog that may withhold its data sources' connections: to whom and why, as it
 *                               follows "... showed no connection details of its data sources" (the user's fix
 *                               is in it); null for a catalog that always shows them
 */
public record CatalogWords(String displayName, String linkIdField, String hiddenConnectionCause) {

    /** The words of a catalog that always shows its data sources' connections. */
    public CatalogWords(String displayName, String linkIdField) {
        this(displayName, linkIdField, null);
    }
}
