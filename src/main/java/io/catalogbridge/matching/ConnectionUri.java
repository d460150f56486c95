package io.catalogbridge.matching;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a connection from the URI of a catalog's data source. Connector sources carry JDBC-style URIs whose
 * shapes differ by database, so this is a tolerant reader, not a URI parser: {@code java.net.URI} rejects most of
 * them ({@code ;databaseName=}, {@code oracle:thin:@}, underscores in hosts). Anything unreadable is unknown.
 *
 * <pre>
 * [jdbc:]scheme://[user[:password]@]host[:port][/database][;key=value...][?key=value&amp;...]
 * [jdbc:]oracle:thin:@[//]host:port/service  |  ...@host:port:SID  |  ...@(DESCRIPTION=...(HOST=h)(PORT=p)...)
 * </pre>
 */
final class ConnectionUri {

    /** Parameters that name the database, in the order they win: SQL Server, Snowflake, Redshift, MySQL, ... */
    private static final String[] DATABASE_PARAMETERS = {"databasename", "database", "db", "dbname"};
    private static final Pattern DESCRIPTOR_ENTRY =
            Pattern.compile("\\(\\s*(HOST|PORT|SERVICE_NAME|SID)\\s*=\\s*([^)\\s]+)\\s*\\)", Pattern.CASE_INSENSITIVE);

    private ConnectionUri() {
    }

    static DataSourceConnection parse(String uri) {
        String text = Names.known(uri) == null ? "" : uri.trim();
        if (Names.fold(text).startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        int separator = text.indexOf("://");
        if (separator < 0) {
            return Names.fold(text).startsWith("oracle:") ? oracleThin(text) : DataSourceConnection.UNKNOWN;
        }
        String type = type(text.substring(0, separator));
        Parts parts = Parts.of(text.substring(separator + 3));
        if (DatabaseTypes.BIGQUERY.equals(type)) {
            return bigQuery(parts);
        }
        String database = parts.pathDatabase() != null ? parts.pathDatabase() : parts.parameter(DATABASE_PARAMETERS);
        if (DatabaseTypes.DATABRICKS.equals(type)) {
            // Databricks' path names the default schema, not a database; Unity Catalog's catalog is the database
            database = parts.parameter("connCatalog", "catalog");
        }
        HostPort hostPort = HostPort.of(parts.authority());
        return new DataSourceConnection(type, hostPort.host(), hostPort.port(), database);
    }

    /**
     * The database type a scheme names: {@code postgres}, {@code jtds:sqlserver} or {@code redshift:iam} give the
     * known type among their parts, otherwise the whole scheme stands for itself.
     */
    private static String type(String scheme) {
        for (String part : scheme.split(":")) {
            String candidate = DatabaseTypes.normalise(part);
            if (DatabaseTypes.isKnown(candidate)) {
                return candidate;
            }
        }
        return DatabaseTypes.normalise(scheme);
    }

    /** {@code oracle:thin:[user/password]@...}: what follows the {@code @} is an address, not a URI. */
    private static DataSourceConnection oracleThin(String text) {
        int at = text.lastIndexOf('@');
        String address = at < 0 ? "" : text.substring(at + 1).trim();
        if (address.startsWith("(")) {
            return oracleDescriptor(address);
        }
        if (address.startsWith("//")) {
            address = address.substring(2);
        }
        int slash = address.indexOf('/');
        if (slash >= 0) {
            HostPort hostPort = HostPort.of(address.substring(0, slash));
            return new DataSourceConnection(DatabaseTypes.ORACLE, hostPort.host(), hostPort.port(),
                    Parts.firstSegment(address.substring(slash + 1)));
        }
        // host:port:SID, the older form
        String[] fields = address.split(":", -1);
        return new DataSourceConnection(DatabaseTypes.ORACLE, fields[0],
                fields.length > 1 ? DataSourceConnection.parsePort(fields[1]) : null, fields.length > 2 ? fields[2] : null);
    }

    private static DataSourceConnection oracleDescriptor(String descriptor) {
        Map<String, String> entries = new HashMap<>();
        Matcher matcher = DESCRIPTOR_ENTRY.matcher(descriptor);
        while (matcher.find()) {
            entries.putIfAbsent(Names.fold(matcher.group(1)), matcher.group(2));
        }
        String database = entries.containsKey("service_name") ? entries.get("service_name") : entries.get("sid");
        return new DataSourceConnection(DatabaseTypes.ORACLE, entries.get("host"),
                DataSourceConnection.parsePort(entries.get("port")), database);
    }

    /**
     * BigQuery has one endpoint for everyone; the project tells its databases apart, so it is the database:
     * {@code bigquery://project-id} or {@code bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=p}.
     */
    private static DataSourceConnection bigQuery(Parts parts) {
        String project = parts.parameter("projectId", "project");
        if (project == null && !Names.fold(parts.authority()).startsWith("http")) {
            project = HostPort.of(parts.authority()).host();
        }
        return new DataSourceConnection(DatabaseTypes.BIGQUERY, null, null, project);
    }

    /** What follows {@code scheme://}: the authority, the path's first segment, and the parameters. */
    private record Parts(String authority, String pathDatabase, Map<String, String> parameters) {

        static Parts of(String rest) {
            // parameters start at the first ';' (SQL Server, Databricks) or '?' (URL query), whichever comes first
            int end = firstIndex(rest, ';', '?');
            String main = end < 0 ? rest : rest.substring(0, end);
            int slash = main.indexOf('/');
            return new Parts(slash < 0 ? main : main.substring(0, slash),
                    slash < 0 ? null : firstSegment(main.substring(slash + 1)),
                    end < 0 ? Map.of() : parameters(rest.substring(end + 1)));
        }

        String parameter(String... names) {
            for (String name : names) {
                String value = Names.known(parameters.get(Names.fold(name)));
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        static String firstSegment(String path) {
            int slash = path.indexOf('/');
            return Names.known(decode(slash < 0 ? path : path.substring(0, slash)));
        }

        private static Map<String, String> parameters(String text) {
            Map<String, String> parameters = new HashMap<>();
            for (String pair : text.split("[;&?]")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.putIfAbsent(Names.fold(pair.substring(0, equals).trim()), decode(pair.substring(equals + 1)));
                }
            }
            return parameters;
        }

        private static int firstIndex(String text, char a, char b) {
            int first = text.indexOf(a);
            int second = text.indexOf(b);
            return first < 0 ? second : second < 0 ? first : Math.min(first, second);
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8).trim();
            } catch (IllegalArgumentException malformedEscape) {
                return text.trim();
            }
        }
    }

    /** {@code [user[:password]@]host[:port]}, with {@code [v6:address]} hosts and SQL Server's {@code host\instance}. */
    private record HostPort(String host, Integer port) {

        static HostPort of(String authority) {
            String text = authority.substring(authority.lastIndexOf('@') + 1).trim();
            String host = text;
            Integer port = null;
            int close = text.startsWith("[") ? text.indexOf(']') : -1;
            int colon = text.lastIndexOf(':');
            if (close > 0) {
                host = text.substring(1, close);
                port = text.startsWith(":", close + 1) ? DataSourceConnection.parsePort(text.substring(close + 2)) : null;
            } else if (colon >= 0) {
                host = text.substring(0, colon);
                port = DataSourceConnection.parsePort(text.substring(colon + 1));
            }
            // a named SQL Server instance runs on the host the platform reports; the instance name is not the host
            int backslash = host.indexOf('\\');
            return new HostPort(backslash < 0 ? host : host.substring(0, backslash), port);
        }
    }
}
