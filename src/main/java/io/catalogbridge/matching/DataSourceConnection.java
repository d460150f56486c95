package io.catalogbridge.matching;

import io.catalogbridge.assets.Asset;

/**
 * Where a data source lives: database type, host, port and database, each null when not known. The canonical
 * constructor normalises, so connections built from an asset, from a catalog's fields or from a URI compare
 * alike: the type is canonical ({@link DatabaseTypes}), the host lower-cased without a trailing dot, an impossible
 * port is unknown, and blank text is unknown.
 */
public record DataSourceConnection(String type, String host, Integer port, String database) {

    public static final DataSourceConnection UNKNOWN = new DataSourceConnection(null, null, null, null);

    public DataSourceConnection {
        type = DatabaseTypes.normalise(type);
        host = normaliseHost(host);
        port = port == null || port <= 0 || port > 65_535 ? null : port;
        database = Names.known(database) == null ? null : database.trim();
    }

    /** The connection an observability asset states. */
    public static DataSourceConnection of(Asset asset) {
        return new DataSourceConnection(asset.dataSourceType(), asset.host(), asset.port(), asset.database());
    }

    /** The connection a URI names (JDBC or not); never throws, unreadable parts are unknown. */
    public static DataSourceConnection parseUri(String uri) {
        return ConnectionUri.parse(uri);
    }

    /** This connection with each unknown fact taken from {@code fallback}. */
    public DataSourceConnection orElse(DataSourceConnection fallback) {
        return new DataSourceConnection(type != null ? type : fallback.type, host != null ? host : fallback.host,
                port != null ? port : fallback.port, database != null ? database : fallback.database);
    }

    /**
     * Whether two connections can be the same database: every fact both sides know agrees (case-insensitively; a
     * missing port counts as the type's default), and at least the host or the database was compared, because a
     * type and port alone say nothing about which server it is.
     */
    public boolean agreesWith(DataSourceConnection other) {
        if (type != null && other.type != null && !type.equals(other.type)) {
            return false;
        }
        // the types agree or one is unknown: either side's type tells the default port
        String knownType = type != null ? type : other.type;
        Integer myPort = portOrDefault(knownType);
        Integer otherPort = other.portOrDefault(knownType);
        if (myPort != null && otherPort != null && !myPort.equals(otherPort)) {
            return false;
        }
        boolean hostCompared = host != null && other.host != null;
        if (hostCompared && !host.equals(other.host)) {
            return false;
        }
        boolean databaseCompared = database != null && other.database != null;
        if (databaseCompared && !Names.equalIgnoringCase(database, other.database)) {
            return false;
        }
        return hostCompared || databaseCompared;
    }

    private Integer portOrDefault(String knownType) {
        return port != null ? port : DatabaseTypes.defaultPort(knownType);
    }

    /** Whether every fact is known (type, host, port and database). */
    public boolean isComplete() {
        return type != null && host != null && port != null && database != null;
    }

    /** A port given as text (catalogs send numbers and strings alike); null when it is no port. */
    public static Integer parsePort(String port) {
        String digits = Names.known(port) == null ? null : port.trim();
        if (digits == null || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static String normaliseHost(String host) {
        String known = Names.known(host) == null ? null : Names.fold(host.trim());
        // "db.example.com." is the same host written fully qualified
        while (known != null && known.endsWith(".")) {
            known = Names.known(known.substring(0, known.length() - 1));
        }
        return known;
    }
}
