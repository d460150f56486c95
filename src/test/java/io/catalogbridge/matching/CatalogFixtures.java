package io.catalogbridge.matching;

import io.catalogbridge.alation.AlationDataSource;
import io.catalogbridge.alation.AlationTable;
import io.catalogbridge.assets.Asset;

/** Small fakes of the records the matcher reads, with the fields each test cares about up front. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** An asset that names only its schema and table: no data source, no connection. */
    static Asset asset(String assetId, String schema, String table) {
        return new Asset(assetId, null, null, null, null, null, schema, table);
    }

    static Asset asset(String assetId, String dataSourceName, String schema, String table) {
        return new Asset(assetId, dataSourceName, null, null, null, null, schema, table);
    }

    static Asset asset(String assetId, String type, String host, Integer port, String database, String schema,
            String table) {
        return new Asset(assetId, null, type, host, port, database, schema, table);
    }

    static AlationDataSource nativeSource(long id, String title, String dbtype, String host, String port,
            String dbname) {
        return new AlationDataSource(id, title, dbtype, host, port, dbname, null, false);
    }

    /** A connector (OCF) source: Alation's v2 listing gives only the URI. */
    static AlationDataSource connectorSource(long id, String title, String uri) {
        return new AlationDataSource(id, title, null, null, null, null, uri, true);
    }

    /** A source that says nothing about its connection. */
    static AlationDataSource source(long id, String title) {
        return nativeSource(id, title, null, null, null, null);
    }

    static AlationTable table(long id, long dsId, long schemaId, String schemaName, String name) {
        return new AlationTable(id, name, dsId, schemaId, schemaName, "TABLE",
                dsId + "." + schemaName + "." + name);
    }

    static AlationTable view(long id, long dsId, long schemaId, String schemaName, String name) {
        return new AlationTable(id, name, dsId, schemaId, schemaName, "VIEW", dsId + "." + schemaName + "." + name);
    }
}
