import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.catalogbridge.openmetadata.simulator.OmDatabase;
import io.catalogbridge.openmetadata.simulator.OmSchema;
import io.catalogbridge.openmetadata.simulator.OmService;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataCatalog;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.catalogbridge.openmetadata.simulator.ServiceType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Benchmark-only tools for the OpenMetadata wing (never shipped): {@code draw} draws the assets of a benchmark from
 * the OpenMetadata simulator's catalog with their expected outcome, computed here from the catalog's truth and
 * design.md's rules (not by the service's matcher); {@code floor} is the floor: a minimal client (JDK HttpClient +
 * Jackson streaming) that fetches, one request at a time, the pages the job's full-catalog plan fetches from the same
 * simulator; {@code token} prints the simulator's bot token (the integration's {@code jwt_token}).
 */
public final class OpenMetadataBenchTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "draw" -> draw(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Path.of(args[4]));
            case "floor" -> floor(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "token" -> System.out.println(Principal.DEMO_BOT_TOKEN);
            default -> throw new IllegalArgumentException("draw | floor | token");
        }
    }

    // ------------------------------------------------------------------------------------------------ draw

    /** An asset as the platform registers it; null fields are left out of the JSON. */
    record Drawn(String assetId, String type, String host, Integer port, String database, String schema, String table)
            implements BenchTool.DrawnAsset {
    }

    /** A service's connection as the simulator serves it to a bot, in the observability platform's words. */
    record Connection(String type, String host, Integer port, String database) {
    }

    static String fold(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String known(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The observability platform's name of each simulated service type (openmetadata-api.md, "Objects"). */
    static String observabilityType(ServiceType type) {
        return switch (type) {
            case SNOWFLAKE -> "snowflake";
            case POSTGRES -> "postgresql";
            case MYSQL -> "mysql";
            case MSSQL -> "sqlserver";
            case DATABRICKS -> "databricks";
            case REDSHIFT -> "redshift";
            case ORACLE -> "oracle";
            case BIGQUERY -> "bigquery";
        };
    }

    static int defaultPort(String type) {
        return switch (type) {
            case "postgresql" -> 5432;
            case "mysql" -> 3306;
            case "sqlserver" -> 1433;
            case "oracle" -> 1521;
            case "redshift" -> 5439;
            default -> 443; // snowflake, bigquery, databricks
        };
    }

    /** Whether the type has no database level: its schemas sit under OpenMetadata's {@code default} database. */
    static boolean databaseLess(ServiceType type) {
        return type == ServiceType.MYSQL || type == ServiceType.ORACLE;
    }

    static final class Truth {
        final OpenMetadataCatalog catalog;
        final List<OmService> services;
        final Map<UUID, Connection> connections = new HashMap<>();
        /** folded schema spelling + \u0001 + folded table name -> indexes of the live (not soft-deleted) tables. */
        final Map<String, long[]> index = new HashMap<>(1 << 21);

        Truth(OpenMetadataCatalog catalog) {
            this.catalog = catalog;
            this.services = catalog.services();
            for (OmService service : services) {
                connections.put(service.id(), connection(service, catalog.databasesOf(service).size()));
            }
            catalog.tables().forEach(t -> {
                if (t.deleted()) {
                    return; // include=non-deleted never lists it, and it is never a target
                }
                String key = fold(schemaSpelling(t)) + '\u0001' + fold(t.name());
                long[] old = index.get(key);
                long[] now;
                if (old == null) {
                    now = new long[] {t.index()};
                } else {
                    now = java.util.Arrays.copyOf(old, old.length + 1);
                    now[old.length] = t.index();
                }
                index.put(key, now);
            });
        }

        /**
         * What the simulator's {@code connection.config} says of where the service's database lives (docs/
         * openmetadata-simulator.md, "connection"; openmetadata-api.md): Snowflake's host is the account's
         * {@code .snowflakecomputing.com} host and its database the one it has, if only one; Postgres, Redshift,
         * MSSQL: hostPort and the first database; MySQL: hostPort, no database; Oracle: hostPort and its service
         * name (the simulator's {@code oracleServiceName} is {@code ORCLPDB1}); Databricks: hostPort and the catalog
         * when it has one only; BigQuery: nothing (its credentials name no project).
         */
        static Connection connection(OmService s, int databases) {
            String type = observabilityType(s.type());
            String host = null;
            Integer port = null;
            if (s.hostPort() != null) {
                int colon = s.hostPort().lastIndexOf(':');
                host = colon < 0 ? s.hostPort() : s.hostPort().substring(0, colon);
                port = colon < 0 ? null : Integer.valueOf(s.hostPort().substring(colon + 1));
            }
            return switch (s.type()) {
                case SNOWFLAKE -> new Connection(type, fold(s.account()) + ".snowflakecomputing.com", null,
                        databases == 1 ? s.database() : null);
                case POSTGRES, REDSHIFT, MSSQL -> new Connection(type, host, port, s.database());
                case MYSQL -> new Connection(type, host, port, null);
                case ORACLE -> new Connection(type, host, port, "ORCLPDB1");
                case DATABRICKS -> new Connection(type, host, port, databases == 1 ? s.database() : null);
                case BIGQUERY -> new Connection(type, null, null, null);
            };
        }

        /** The table's schema as an asset spells it: {@code database.schema}, a database-less service's schema alone. */
        static String schemaSpelling(OmTable t) {
            OmSchema schema = t.schema();
            return databaseLess(schema.service().type()) ? schema.name() : schema.database().name() + "." + schema.name();
        }

        /**
         * Rule 1 b: every fact both sides know agrees, case-insensitively, a missing port being the type's default,
         * and at least the host or the database was compared (a type and a port say nothing of which server).
         */
        static boolean agrees(Drawn a, Connection c) {
            String assetType = known(a.type()) == null ? null : fold(a.type().trim());
            if (assetType != null && c.type() != null && !assetType.equals(c.type())) {
                return false;
            }
            String knownType = assetType != null ? assetType : c.type();
            Integer assetPort = a.port() != null ? a.port() : knownType == null ? null : defaultPort(knownType);
            Integer sourcePort = c.port() != null ? c.port() : knownType == null ? null : defaultPort(knownType);
            if (assetPort != null && sourcePort != null && !assetPort.equals(sourcePort)) {
                return false;
            }
            String assetHost = known(a.host()) == null ? null : fold(a.host().trim());
            boolean hostCompared = assetHost != null && c.host() != null;
            if (hostCompared && !assetHost.equals(fold(c.host()))) {
                return false;
            }
            String assetDatabase = known(a.database()) == null ? null : a.database().trim();
            boolean databaseCompared = assetDatabase != null && c.database() != null;
            if (databaseCompared && !assetDatabase.equalsIgnoreCase(c.database())) {
                return false;
            }
            return hostCompared || databaseCompared;
        }

        /** Rule 1 without links or data source names: the services whose connection agrees, else every service. */
        Set<UUID> sources(Drawn a) {
            Set<UUID> connected = new HashSet<>();
            Set<UUID> all = new HashSet<>();
            for (OmService s : services) {
                all.add(s.id());
                if (agrees(a, connections.get(s.id()))) {
                    connected.add(s.id());
                }
            }
            return connected.isEmpty() ? all : connected;
        }

        static List<String> spellings(Drawn a) {
            return known(a.database()) == null ? List.of(a.schema()) : List.of(a.schema(), a.database() + "." + a.schema());
        }

        /** Rules 2-4: MAPPED (with the table's index), AMBIGUOUS or UNMATCHED. */
        Object[] outcome(Drawn a) {
            Set<UUID> sources = sources(a);
            Set<Long> candidates = new TreeSet<>();
            for (String spelling : spellings(a)) {
                long[] found = index.get(fold(spelling) + '\u0001' + fold(a.table()));
                if (found != null) {
                    for (long i : found) {
                        if (sources.contains(catalog.table(i).schema().service().id())) {
                            candidates.add(i);
                        }
                    }
                }
            }
            List<Long> exact = new ArrayList<>();
            for (long i : candidates) {
                OmTable t = catalog.table(i);
                if (t.name().equals(a.table()) && spellings(a).contains(schemaSpelling(t))) {
                    exact.add(i);
                }
            }
            List<Long> chosen = candidates.size() > 1 && !exact.isEmpty() ? exact : new ArrayList<>(candidates);
            if (chosen.isEmpty()) {
                return new Object[] {"UNMATCHED", null};
            }
            return chosen.size() == 1 ? new Object[] {"MAPPED", chosen.get(0)} : new Object[] {"AMBIGUOUS", null};
        }
    }

    /**
     * The asset a platform registers for the table by its full connection, as the demo tenant's are written: type,
     * host and port (Snowflake: the account's host, no port; BigQuery: its endpoint), the database (MySQL: none, its
     * schema is the MySQL database; Oracle: the service name), the schema and the table.
     */
    static Drawn byConnection(String id, Truth truth, OmTable t, String tableName) {
        OmSchema schema = t.schema();
        OmService s = schema.service();
        Connection c = truth.connections.get(s.id());
        String host = s.type() == ServiceType.BIGQUERY ? s.hostPort() : c.host();
        String database = switch (s.type()) {
            case MYSQL -> null;
            case ORACLE -> c.database();
            default -> schema.database().name();
        };
        return new Drawn(id, c.type(), host, c.port(), database, schema.name(), tableName);
    }

    /**
     * N assets over the whole catalog: 80% by full connection (each must map to its drawn table), 10% with no
     * connection and the schema spelled as OpenMetadata files it ({@code database.schema}; a MySQL or Oracle schema
     * alone), whose spelling and name recur in several services (ambiguous), 10% by full connection with a made-up
     * table name (unmatched). A draw whose outcome under the rules is another is drawn again.
     */
    static void draw(long seed, int tables, int n, Path out) throws IOException {
        long started = System.nanoTime();
        OpenMetadataCatalog catalog = new OpenMetadataCatalog(seed, tables);
        Truth truth = new Truth(catalog);
        Random random = new Random(seed * 31 + n + "openmetadata".hashCode());
        List<OmSchema> schemas = catalog.schemas().stream().filter(s -> s.size() > 0).toList();
        int wantAmbiguous = n / 10;
        int wantUnmatched = n / 10;
        int wantMapped = n - wantAmbiguous - wantUnmatched;
        List<Drawn> assets = new ArrayList<>(n);
        Map<String, Integer> got = new TreeMap<>(Map.of("MAPPED", 0, "AMBIGUOUS", 0, "UNMATCHED", 0));
        Map<String, String> expectedOutcome = new LinkedHashMap<>();
        Map<String, UUID> expectedTable = new HashMap<>();
        Map<String, Integer> mappedByType = new TreeMap<>();
        Set<Long> usedTables = new HashSet<>();
        int attempts = 0;
        while (assets.size() < n) {
            if (++attempts > 200 * n) {
                throw new IllegalStateException("could not draw " + n + " assets: " + got);
            }
            OmSchema schema = schemas.get(random.nextInt(schemas.size()));
            OmTable table = catalog.table(schema.firstTable() + random.nextInt(schema.size()));
            if (table.deleted()) {
                continue; // never a target
            }
            String id = "om" + String.format("%07d", assets.size());
            String kind = got.get("MAPPED") < wantMapped ? "MAPPED"
                    : got.get("AMBIGUOUS") < wantAmbiguous ? "AMBIGUOUS" : "UNMATCHED";
            Drawn a = switch (kind) {
                case "MAPPED" -> byConnection(id, truth, table, table.name());
                case "AMBIGUOUS" -> new Drawn(id, null, null, null, null, Truth.schemaSpelling(table), table.name());
                default -> byConnection(id, truth, table, "zz_bench_missing_" + assets.size());
            };
            if (!kind.equals("UNMATCHED") && !usedTables.add(table.index() * 2 + (kind.equals("MAPPED") ? 0 : 1))) {
                continue;
            }
            Object[] outcome = truth.outcome(a);
            if (!outcome[0].equals(kind)) {
                continue; // drawn for one outcome, the rules give another: draw again
            }
            if (kind.equals("MAPPED") && (Long) outcome[1] != table.index()) {
                continue; // another table would be chosen: keep the draw unequivocal
            }
            assets.add(a);
            got.merge(kind, 1, Integer::sum);
            expectedOutcome.put(id, kind);
            if (kind.equals("MAPPED")) {
                expectedTable.put(id, table.id());
                mappedByType.merge(schema.service().type().openMetadataName(), 1, Integer::sum);
            }
        }
        JsonFactory json = new JsonFactory();
        BenchTool.writeDrawn(out, assets, expectedOutcome, expectedTable, json);
        try (JsonGenerator g = json.createGenerator(out.resolve("truth.json").toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("assets", assets.size());
            g.writeNumberField("mapped", got.get("MAPPED"));
            g.writeNumberField("ambiguous", got.get("AMBIGUOUS"));
            g.writeNumberField("unmatched", got.get("UNMATCHED"));
            g.writeObjectFieldStart("mapped_by_service_type");
            for (var e : mappedByType.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("services", catalog.services().size());
            g.writeNumberField("draw_attempts", attempts);
            g.writeNumberField("draw_seconds", (System.nanoTime() - started) / 1e9);
            g.writeEndObject();
        }
        System.out.println("drew " + got + " (mapped by type " + mappedByType + ") in " + attempts + " attempts, "
                + (System.nanoTime() - started) / 1_000_000 + " ms; " + catalog);
    }

    // ------------------------------------------------------------------------------------------------ floor

    /**
     * Reads what the job's full-catalog plan reads: the database services listing, then every page of
     * {@code /api/v1/tables?limit=1000&include=non-deleted}, following {@code paging.after}, one request at a time,
     * with the bot token; each page parsed with Jackson's streaming parser down to the fields the matcher uses (a
     * service's id, names, type and connection; a table's id, name, FQN, deleted, serviceType, and its service's id
     * and name, database's name, schema's name). Prints one JSON line per timed pass.
     */
    static void floor(String base, int warmups, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        JsonFactory json = new JsonFactory();
        String token = Principal.DEMO_BOT_TOKEN;
        for (int run = -warmups; run < runs; run++) {
            long started = System.nanoTime();
            long[] counters = new long[3]; // requests, bytes, checksum
            long services = list(client, json, base, "/api/v1/services/databaseServices", token, counters);
            long tables = list(client, json, base, "/api/v1/tables", token, counters);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (counters[2] == 42) {
                System.err.print(""); // keep the parse from being optimised away
            }
            if (run >= 0) {
                System.out.printf(Locale.ROOT, "{\"floor_seconds\": %.3f, \"requests\": %d, \"bytes\": %d, "
                        + "\"tables\": %d, \"services\": %d}%n", seconds, counters[0], counters[1], tables, services);
            } else {
                System.err.printf(Locale.ROOT, "floor warm-up: %.3f s, %d tables%n", seconds, tables);
            }
        }
    }

    /** A listing, page after page (limit=1000, include=non-deleted, after=cursor); answers the objects read. */
    private static long list(HttpClient client, JsonFactory json, String base, String path, String token,
            long[] counters) throws Exception {
        String first = base + path + "?limit=1000&include=non-deleted";
        String url = first;
        long objects = 0;
        while (url != null) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            counters[0]++;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            String after = null;
            try (BenchTool.Counting in = new BenchTool.Counting(response.body()); JsonParser p = json.createParser(in)) {
                p.nextToken(); // {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("data") && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            objects++;
                            counters[2] += readObject(p);
                        }
                    } else if (field.equals("paging") && value == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            if (name.equals("after")) {
                                after = p.getText();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                while (in.read() >= 0) {
                    // drain, so that the connection is reused
                }
                counters[1] += in.bytes;
            }
            url = after == null ? null : first + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8);
        }
        return objects;
    }

    /**
     * One service or table, the parser on its START_OBJECT: its scalar fields the matcher reads (ids as UUIDs, names
     * as strings), the references' and the connection's too; columns and everything else skipped.
     */
    private static long readObject(JsonParser p) throws IOException {
        long checksum = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> checksum += UUID.fromString(p.getText()).getLeastSignificantBits();
                case "name", "fullyQualifiedName", "serviceType", "displayName" -> checksum += p.getText().length();
                case "deleted" -> checksum += p.getBooleanValue() ? 1 : 0;
                case "service", "database", "databaseSchema", "connection", "config", "oracleConnectionType" -> {
                    if (value == JsonToken.START_OBJECT) {
                        checksum += readObject(p);
                    } else if (value == JsonToken.VALUE_STRING) {
                        checksum += p.getText().length(); // a connection's database
                    }
                }
                case "type", "hostPort", "account", "catalog", "databaseName", "oracleServiceName" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        checksum += p.getText().length();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return checksum;
    }
}
