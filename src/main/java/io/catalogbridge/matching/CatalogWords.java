package io.catalogbridge.matching;

/**
 * How a catalog is named in the matcher's reasons, so that core code names no catalog.
 *
 * @param displayName  the catalog's name as users read it (in "any of the 10 ... data sources", "no ... table can match it")
 * @param linkIdField  the JSON field of a data-source link that holds the catalog's data source id, named when a
 *                     link points at a data source the catalog does not list
 */
public record CatalogWords(String displayName, String linkIdField) {
}
