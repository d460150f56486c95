package io.catalogbridge.openmetadata;

import java.util.Locale;

/**
 * Where a database service's database lives, as far as OpenMetadata says: type (the observability platform's name,
 * {@code postgresql}, {@code sqlserver}, ...), host, port and database, each null when unknown.
 *
 * <p>These are the neutral data-source connection facts of matching rule 1b, field for field:
 * {@link OpenMetadataDatabaseService#toCatalog} hands them to {@code matching.DataSourceConnection} as they are (the
 * type already in the observability platform's words), and {@code connectionHidden} to the neutral data source's
 * flag of the same name: the token saw no {@code connection} (not a bot or an admin), so only links and names could
 * choose this service, and the reasons say so.
 *
 * <ul>
 *   <li>host and port come from {@code hostPort} ({@code host:port}, {@code [v6]:port}, a bare IPv6 literal, or with a
 *       scheme some users type, {@code https://host:443});</li>
 *   <li>Snowflake has no {@code hostPort}: its host is {@code <account>.snowflakecomputing.com}, the host an asset
 *       states;</li>
 *   <li>the database is the source's: {@code database}, Databricks' {@code catalog}, BigQuery's project (BigQuery has
 *       no host of its own: one endpoint serves every project), Oracle's service name. A MySQL service has none:
 *       OpenMetadata's {@code databaseName} is only the label of its {@code default} database
 *       ({@link OpenMetadataServiceTypes#fixedDatabase}), nothing the source or an asset knows.</li>
 * </ul>
 */
public record ServiceConnectionFacts(String type, String host, Integer port, String database,
        boolean connectionHidden) {

    private static final String SNOWFLAKE_DOMAIN = ".snowflakecomputing.com";

    public static ServiceConnectionFacts of(OpenMetadataDatabaseService service) {
        String type = OpenMetadataServiceTypes.observabilityType(service.serviceType());
        OpenMetadataConnectionConfig config = service.config();
        if (config == null) {
            // the type is the service's own (serviceType is always shown); alone it never chooses a service
            return new ServiceConnectionFacts(type, null, null, null, true);
        }
        if (type == null) {
            type = OpenMetadataServiceTypes.observabilityType(config.type());
        }
        HostPort hostPort = HostPort.parse(config.hostPort());
        String host = hostPort.host();
        Integer port = hostPort.port();
        String database = config.database();
        switch (type == null ? "" : type) {
            case "snowflake" -> {
                host = snowflakeHost(config.account());
                port = null;
            }
            case "databricks" -> database = config.catalog();
            case "bigquery" -> {
                host = null;
                port = null;
                database = config.projectId();
            }
            default -> {
                // database as read: MySQL-like connections have none (databaseName is not read into it), Oracle's is
                // its service name, the database an Oracle asset states
            }
        }
        return new ServiceConnectionFacts(type, host, port, database, false);
    }

    /** Whether OpenMetadata told anything about where the database lives. */
    public boolean knowsLocation() {
        return host != null || database != null;
    }

    private static String snowflakeHost(String account) {
        if (account == null) {
            return null;
        }
        String host = account.trim().toLowerCase(Locale.ROOT);
        return host.endsWith(SNOWFLAKE_DOMAIN) ? host : host + SNOWFLAKE_DOMAIN;
    }

    /** {@code hostPort} read tolerantly: anything unreadable is unknown, never an error. */
    record HostPort(String host, Integer port) {

        static HostPort parse(String hostPort) {
            if (hostPort == null || hostPort.isBlank()) {
                return new HostPort(null, null);
            }
            String text = hostPort.trim();
            int scheme = text.indexOf("://");
            if (scheme >= 0) {
                text = text.substring(scheme + 3);
            }
            int slash = text.indexOf('/');
            if (slash >= 0) {
                text = text.substring(0, slash);
            }
            text = text.substring(text.lastIndexOf('@') + 1);
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    return new HostPort(null, null);
                }
                String rest = text.substring(close + 1);
                return new HostPort(host(text.substring(1, close)), rest.startsWith(":") ? port(rest.substring(1)) : null);
            }
            int colon = text.indexOf(':');
            if (colon >= 0 && colon != text.lastIndexOf(':')) {
                // several colons and no brackets: an IPv6 literal without a port
                return new HostPort(host(text), null);
            }
            return colon < 0 ? new HostPort(host(text), null)
                    : new HostPort(host(text.substring(0, colon)), port(text.substring(colon + 1)));
        }

        private static String host(String text) {
            String host = text.trim().toLowerCase(Locale.ROOT);
            while (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return host.isEmpty() ? null : host;
        }

        private static Integer port(String text) {
            String digits = text.trim();
            if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int port = Integer.parseInt(digits);
            return port >= 1 && port <= 65_535 ? port : null;
        }
    }
}
