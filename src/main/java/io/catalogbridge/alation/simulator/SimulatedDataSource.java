package io.catalogbridge.alation.simulator;

/**
 * A data source of the simulated catalog, with the whole truth about its connection. Over HTTP a native source shows
 * {@code dbtype}, {@code host}, {@code port} and {@code dbname}; a connector (OCF) source shows only its {@code uri},
 * which may leave out a default port.
 */
public record SimulatedDataSource(
        long id, Kind kind, DbType dbType, String title, String description, String host, int port, String dbName,
        String uri) {

    /** Which Alation endpoint lists the source: native ones {@code /integration/v1/datasource/}, connector ones v2. */
    public enum Kind {
        NATIVE, CONNECTOR
    }

    public boolean isNative() {
        return kind == Kind.NATIVE;
    }

    public int connectorId() {
        return dbType.connectorId();
    }

    /** Alation's web page of the source, relative to the instance. */
    public String url() {
        return "/data/" + id + "/";
    }
}
