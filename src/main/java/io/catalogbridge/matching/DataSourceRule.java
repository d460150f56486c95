package io.catalogbridge.matching;

/** Which rule chose an asset's candidate data sources; the first rule that yields any data source wins. */
public enum DataSourceRule {
    /** A data-source link the tenant configured for the asset's data source name. */
    LINK,
    /** The catalog's connection facts agree with the asset's type, host, port and database. */
    CONNECTION,
    /** A title of the catalog's data source equals the asset's data source name, case-insensitively. */
    TITLE,
    /** Nothing chose: every data source of the catalog is searched. */
    EVERY
}
