package io.catalogbridge.openmetadata.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.sun.net.httpserver.HttpExchange;
import io.catalogbridge.simulator.EndpointStats;
import io.catalogbridge.simulator.SimulatorControl;
import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorJson;
import io.catalogbridge.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenMetadata server over HTTP: database services, databases, schemas and tables of an
 * {@link OpenMetadataCatalog} under {@code /api/v1}, paged by cursor in keyset order, behind bearer tokens, with
 * switchable {@link SimulatorFaults} and the same {@code /simulator/} control surface as the Alation simulator. It
 * runs on the JDK's HTTP server with a fixed pool of threads and streams every listing as it is generated.
 *
 * <pre>{@code
 * try (OpenMetadataSimulator om = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults())) {
 *     client.get(om.baseUrl() + "/api/v1/tables?limit=1000", "Bearer " + Principal.DEMO_BOT_TOKEN);
 * }
 * }</pre>
 */
public final class OpenMetadataSimulator implements AutoCloseable {

    private static final System.Logger log = System.getLogger(OpenMetadataSimulator.class.getName());
    private static final String API = "/api/v1";

    private final OpenMetadataSimulatorSettings settings;
    private final OpenMetadataCatalog catalog;
    private final ServerVersion version;
    private final OpenMetadataQuality quality;
    private final DataQualityApi dataQuality;
    private final SimulatorFaults faults;
    private final EndpointStats stats = new EndpointStats();
    private final AtomicLong dataRequests = new AtomicLong();
    private final Map<String, AtomicLong> tokenUses = new ConcurrentHashMap<>();
    private final Ids userIds;
    private final SerializableString[] schemaFieldsOfTables;
    private final Clock clock;
    private final SimulatorControl<Answer> control;
    private final SimulatorServer server;

    private OpenMetadataSimulator(OpenMetadataSimulatorSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.catalog = new OpenMetadataCatalog(settings.seed(), settings.tables());
        this.userIds = new Ids(settings.seed());
        this.version = ServerVersion.parse(settings.version());
        this.quality = new OpenMetadataQuality(settings.seed());
        this.dataQuality = new DataQualityApi(catalog, quality, version, clock);
        this.schemaFieldsOfTables = new SerializableString[catalog.schemas().size()];
        for (OmSchema schema : catalog.schemas()) { // before the server starts: its threads see them all
            schemaFieldsOfTables[schema.index()] = EntityJson.schemaFieldsOfTables(schema);
        }
        this.faults = new SimulatorFaults(settings.faults());
        this.control = new SimulatorControl<>(faults,
                json -> SimulatorControl.writeStats(json, stats.snapshot(), false, Map.of()), this::resetStats,
                new DriftEndpoints(catalog.drift(), this::tableJson), Answer::json, Answer::error,
                "HTTP 404 Not Found");
        this.server = SimulatorServer.start(settings.bindAddress(), settings.port(), settings.threads(),
                "openmetadata-simulator", this::handle);
    }

    /** Starts a simulator; it listens until {@link #close()}. */
    public static OpenMetadataSimulator start(OpenMetadataSimulatorSettings settings) throws IOException {
        return new OpenMetadataSimulator(settings, Clock.systemUTC());
    }

    static OpenMetadataSimulator start(OpenMetadataSimulatorSettings settings, Clock clock) throws IOException {
        return new OpenMetadataSimulator(settings, clock);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, without a trailing slash; the API is under {@code /api}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public OpenMetadataSimulatorSettings settings() {
        return settings;
    }

    public OpenMetadataCatalog catalog() {
        return catalog;
    }

    /** The test definitions, test cases and results pushed to {@code /api/v1/dataQuality/...}, live. */
    public OpenMetadataQuality quality() {
        return quality;
    }

    /** The live faults: changes apply to the next request. */
    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * The live drift of the catalog's tables: {@code rename}, {@code move} (hard-deleted and re-created under a new
     * id), {@code drop} (soft or hard), {@code reset}; every listing and lookup follows from the next request on.
     */
    public OpenMetadataDrift drift() {
        return catalog.drift();
    }

    /** Responses by endpoint name ({@code tables}, {@code table-by-name}, ...) and status, and entities listed. */
    public EndpointStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Zeroes the statistics and restarts the numbering of data requests that the faults count on. */
    public void resetStats() {
        stats.reset();
        dataRequests.set(0);
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith(SimulatorControl.PREFIX)) {
                SimulatorServer.send(exchange, control.serve(method, path, SimulatorServer.readBody(exchange)));
                return;
            }
            Route route = Route.of(path, version);
            Answer answer = answer(exchange, route, method);
            stats.record(route.endpoint().statsName(), answer.status(), answer.objects());
            SimulatorServer.send(exchange, answer);
        } catch (IOException clientGone) {
            log.log(System.Logger.Level.DEBUG, "Client went away: {0}", clientGone.toString());
        } catch (RuntimeException bug) {
            log.log(System.Logger.Level.ERROR, "OpenMetadata simulator failed to answer", bug);
        }
    }

    private Answer answer(HttpExchange exchange, Route route, String method) {
        SimulatorFaults.Settings faults = this.faults.current();
        SimulatorServer.sleep(faults.latency());
        if (this.faults.isDown()) {
            return Answer.proxyPage(503, "Service Temporarily Unavailable", Map.of());
        }
        Endpoint endpoint = route.endpoint();
        if (endpoint == Endpoint.UNKNOWN) {
            return Answer.error(404, "HTTP 404 Not Found");
        }
        if (!endpoint.allows(method)) {
            return Answer.error(405, "HTTP 405 Method Not Allowed");
        }
        byte[] body;
        try {
            body = method.equals("POST") || method.equals("PUT") ? SimulatorServer.readBody(exchange) : new byte[0];
        } catch (IOException unreadable) {
            return Answer.error(400, QualityRequest.UNPROCESSABLE);
        }
        Query query;
        try {
            query = Query.parse(exchange.getRequestURI().getRawQuery());
        } catch (Query.BadRequest bad) {
            return Answer.error(400, bad.getMessage());
        }
        if (endpoint == Endpoint.VERSION) {
            return version();
        }
        long n = dataRequests.incrementAndGet();
        if (faults.inBurst(n)) {
            return Answer.proxyPage(503, "Service Temporarily Unavailable", Map.of());
        }
        Principal principal;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Answer.error(401, "Not Authorized! Token not present");
        }
        String token = authorization.substring(7).strip();
        Optional<Principal> known = principal(token);
        if (known.isEmpty()) {
            return Answer.error(401, "Not Authorized! Invalid token");
        }
        principal = known.get();
        long uses = tokenUses.computeIfAbsent(token, t -> new AtomicLong()).incrementAndGet();
        if (principal.expiredAt(clock.instant()) || faults.expireTokenAfter() > 0 && uses > faults.expireTokenAfter()) {
            return Answer.error(401, "Expired token!");
        }
        if (faults.throttles(n)) {
            return Answer.proxyPage(429, "Too Many Requests", faults.retryAfterSeconds() > 0
                    ? Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())) : Map.of());
        }
        try {
            return serve(endpoint, method, route.tail(), query, body, principal);
        } catch (Query.BadRequest bad) {
            return Answer.error(400, bad.getMessage());
        }
    }

    private Optional<Principal> principal(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        return settings.principals().stream()
                .filter(p -> MessageDigest.isEqual(p.token().getBytes(StandardCharsets.UTF_8), given))
                .findFirst();
    }

    private Answer serve(Endpoint endpoint, String method, String tail, Query query, byte[] body,
                         Principal principal) {
        return switch (endpoint) {
            case SERVICES -> services(query, principal);
            case DATABASES -> databases(query);
            case SCHEMAS -> schemas(query);
            case TABLES -> tables(query);
            case TABLE_BY_ID -> tableById(tail, query);
            case TABLE_BY_NAME -> tableByName(tail, query);
            case LOGGED_IN_USER -> Answer.json(200, json -> EntityJson.user(json, principal,
                    userIds.id(Ids.Kind.USER, settings.principals().indexOf(principal))));
            case TEST_DEFINITIONS -> dataQuality.putDefinition(body, principal, method.equals("POST"));
            case TEST_DEFINITION_BY_NAME -> dataQuality.definitionByName(decode(tail));
            case TEST_SUITES_EXECUTABLE -> dataQuality.createExecutableSuite(body, principal);
            case TEST_CASES -> dataQuality.putTestCase(body, principal, method.equals("POST"));
            case TEST_CASE_BY_NAME -> method.equals("DELETE")
                    ? dataQuality.deleteTestCase(quality.testCase(decode(tail)), decode(tail), query, principal)
                    : dataQuality.testCaseByName(decode(tail), query);
            case TEST_CASE_BY_ID -> method.equals("DELETE")
                    ? dataQuality.deleteTestCase(dataQuality.uuid(tail).flatMap(quality::testCaseById), tail, query,
                    principal)
                    : dataQuality.testCaseById(tail, query);
            case TEST_CASE_RESULTS, TEST_CASE_RESULTS_1_4 -> method.equals("GET") ? dataQuality.results(decode(tail), query, principal)
                    : dataQuality.addResult(decode(tail), body, principal);
            default -> throw new IllegalArgumentException("not a data endpoint: " + endpoint);
        };
    }

    private Answer version() {
        return Answer.json(200, json -> {
            json.writeStartObject();
            json.writeStringField("version", settings.version());
            json.writeStringField("revision", "catalog-bridge-simulator");
            json.writeNumberField("timestamp", EntityJson.UPDATED_AT);
            json.writeEndObject();
        });
    }

    private Answer services(Query query, Principal principal) {
        OpenMetadataCatalog.Page<OmService> page = OpenMetadataCatalog.page(catalog.services(), query.include(),
                query.limit(), query.after(), query.before(), OmService::name, OmService::id);
        Map<OmService, Integer> databaseCounts = new java.util.HashMap<>();
        page.rows().forEach(s -> databaseCounts.put(s, catalog.databasesOf(s).size()));
        return list(page, (json, service) -> EntityJson.service(json, service, databaseCounts.get(service),
                principal.seesConnections()));
    }

    private Answer databases(Query query) {
        String service = query.text("service");
        List<OmDatabase> scope = service == null ? catalog.databases()
                : catalog.service(service).map(catalog::databasesOf).orElse(List.of());
        return list(OpenMetadataCatalog.page(scope, query.include(), query.limit(), query.after(), query.before(),
                OmDatabase::name, OmDatabase::id), EntityJson::database);
    }

    private Answer schemas(Query query) {
        String database = query.text("database");
        List<OmSchema> scope = database == null ? catalog.schemas()
                : catalog.database(database).map(catalog::schemasOf).orElse(List.of());
        return list(OpenMetadataCatalog.page(scope, query.include(), query.limit(), query.after(), query.before(),
                OmSchema::name, OmSchema::id), EntityJson::schema);
    }

    private Answer tables(Query query) {
        String database = query.text("database");
        String schema = query.text("databaseSchema");
        List<OmSchema> scope = catalog.schemas();
        if (database != null) {
            scope = catalog.database(database).map(catalog::schemasOf).orElse(List.of());
        }
        if (schema != null) {
            List<OmSchema> within = scope;
            scope = catalog.schema(schema).filter(within::contains).map(List::of).orElse(List.of());
        }
        return list(catalog.tables(scope, query.include(), query.limit(), query.after(), query.before()),
                (json, table) -> EntityJson.table(json, table, schemaFields(table.schema())));
    }

    private Answer tableById(String tail, Query query) {
        Optional<OmTable> table;
        try {
            table = catalog.table(UUID.fromString(tail));
        } catch (IllegalArgumentException notUuid) {
            return Answer.error(404, "HTTP 404 Not Found");
        }
        return table(table, query.include(), tail);
    }

    private Answer tableByName(String tail, Query query) {
        String fqn = decode(tail);
        return table(catalog.tableByFqn(fqn), query.include(), fqn);
    }

    /** A path segment decoded: {@code %XX} escapes, a '+' stays itself. */
    private static String decode(String tail) {
        return URLDecoder.decode(tail.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private Answer table(Optional<OmTable> table, Include include, String asked) {
        return table.filter(t -> include.admits(t.deleted()))
                .map(t -> Answer.json(200, tableJson(t)))
                .orElseGet(() -> Answer.error(404, "table instance for " + asked + " not found"));
    }

    /** A table as {@code GET /v1/tables/{id}} shows it. */
    private SimulatorJson.Writer tableJson(OmTable table) {
        return json -> EntityJson.table(json, table, schemaFields(table.schema()));
    }

    /** What every table of a schema shares, encoded once per schema when the simulator starts. */
    private SerializableString schemaFields(OmSchema schema) {
        return schemaFieldsOfTables[schema.index()];
    }

    /** Writes one entity of a listing. */
    @FunctionalInterface
    private interface EntityWriter<T> {
        void write(JsonGenerator json, T entity) throws IOException;
    }

    private static <T> Answer list(OpenMetadataCatalog.Page<T> page, EntityWriter<T> writer) {
        return Answer.listing(page.rows().size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (T row : page.rows()) {
                writer.write(json, row);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("paging");
            if (page.before() != null) {
                json.writeStringField("before", page.before());
            }
            if (page.after() != null) {
                json.writeStringField("after", page.after());
            }
            json.writeNumberField("total", page.total());
            json.writeEndObject();
            json.writeEndObject();
        });
    }


    /** What the simulator serves; the names are those its statistics use. */
    enum Endpoint {
        SERVICES("databaseServices"), DATABASES("databases"), SCHEMAS("databaseSchemas"), TABLES("tables"),
        TABLE_BY_ID("table-by-id"), TABLE_BY_NAME("table-by-name"), LOGGED_IN_USER("loggedInUser"),
        VERSION("version"),
        TEST_DEFINITIONS("testDefinitions", "POST", "PUT"), TEST_DEFINITION_BY_NAME("testDefinition-by-name"),
        TEST_SUITES_EXECUTABLE("testSuites", "POST"),
        TEST_CASES("testCases", "POST", "PUT"), TEST_CASE_BY_NAME("testCase-by-name", "GET", "DELETE"),
        TEST_CASE_BY_ID("testCase-by-id", "GET", "DELETE"), TEST_CASE_RESULTS("testCaseResults", "GET", "POST"),
        /** Before 1.6: results under the test case, {@code PUT} to add. */
        TEST_CASE_RESULTS_1_4("testCaseResults", "GET", "PUT"),
        UNKNOWN("unknown");

        private final String statsName;
        private final Set<String> methods;

        Endpoint(String statsName, String... methods) {
            this.statsName = statsName;
            this.methods = methods.length == 0 ? Set.of("GET") : Set.of(methods);
        }

        String statsName() {
            return statsName;
        }

        boolean allows(String method) {
            return methods.contains(method);
        }
    }

    /**
     * An endpoint and what follows its path (a table's id or FQN, still URL-encoded). Where results are added and
     * listed depends on the version: {@code /testCases/{fqn}/testCaseResult} before 1.6 (PUT and GET),
     * {@code /testCases/testCaseResults/{fqn}} since (POST and GET); the other path is no path of that server.
     */
    record Route(Endpoint endpoint, String tail) {

        private static final String QUALITY = API + "/dataQuality";
        private static final String CASES = QUALITY + "/testCases/";
        private static final String RESULTS = CASES + "testCaseResults/";
        private static final String OLD_RESULTS = "/testCaseResult";

        static Route of(String path, ServerVersion version) {
            String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
            switch (p) {
                case API + "/services/databaseServices": return new Route(Endpoint.SERVICES, null);
                case API + "/databases": return new Route(Endpoint.DATABASES, null);
                case API + "/databaseSchemas": return new Route(Endpoint.SCHEMAS, null);
                case API + "/tables": return new Route(Endpoint.TABLES, null);
                case API + "/users/loggedInUser": return new Route(Endpoint.LOGGED_IN_USER, null);
                case API + "/system/version": return new Route(Endpoint.VERSION, null);
                case QUALITY + "/testDefinitions": return new Route(Endpoint.TEST_DEFINITIONS, null);
                case QUALITY + "/testSuites/executable": return new Route(Endpoint.TEST_SUITES_EXECUTABLE, null);
                case QUALITY + "/testCases": return new Route(Endpoint.TEST_CASES, null);
                default: break;
            }
            Route quality = quality(p, version);
            if (quality != null) {
                return quality;
            }
            String byName = API + "/tables/name/";
            if (p.startsWith(byName) && p.length() > byName.length()) {
                return new Route(Endpoint.TABLE_BY_NAME, path.substring(byName.length()));
            }
            String byId = API + "/tables/";
            if (p.startsWith(byId) && p.indexOf('/', byId.length()) < 0) {
                return new Route(Endpoint.TABLE_BY_ID, p.substring(byId.length()));
            }
            return new Route(Endpoint.UNKNOWN, null);
        }

        /** The data-quality paths with a name, an FQN or an id in them; null for any other path. */
        private static Route quality(String p, ServerVersion version) {
            String definitionByName = QUALITY + "/testDefinitions/name/";
            if (p.startsWith(definitionByName) && p.length() > definitionByName.length()) {
                return new Route(Endpoint.TEST_DEFINITION_BY_NAME, p.substring(definitionByName.length()));
            }
            if (!p.startsWith(CASES)) {
                return null;
            }
            if (p.startsWith(RESULTS) && p.length() > RESULTS.length()) {
                return version.hasResultsResource()
                        ? new Route(Endpoint.TEST_CASE_RESULTS, p.substring(RESULTS.length()))
                        : new Route(Endpoint.UNKNOWN, null);
            }
            String rest = p.substring(CASES.length());
            if (rest.startsWith("name/") && rest.length() > "name/".length()) {
                return new Route(Endpoint.TEST_CASE_BY_NAME, rest.substring("name/".length()));
            }
            if (rest.endsWith(OLD_RESULTS) && rest.length() > OLD_RESULTS.length()
                    && rest.indexOf('/') == rest.length() - OLD_RESULTS.length()) {
                return version.hasResultsResource() ? new Route(Endpoint.UNKNOWN, null)
                        : new Route(Endpoint.TEST_CASE_RESULTS_1_4, rest.substring(0,
                        rest.length() - OLD_RESULTS.length()));
            }
            return !rest.isEmpty() && rest.indexOf('/') < 0 ? new Route(Endpoint.TEST_CASE_BY_ID, rest) : null;
        }
    }
}
