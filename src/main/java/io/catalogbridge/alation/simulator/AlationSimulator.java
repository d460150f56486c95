package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorControl;
import io.catalogbridge.simulator.SimulatorFaults;
import io.catalogbridge.simulator.SimulatorServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Alation instance over HTTP: token exchange, data sources, schemas and tables of a {@link SimulatedCatalog},
 * paged the way Alation pages, with switchable {@link SimulatorFaults}; and the writes of data quality (fields,
 * values, trust flags, the rich-text custom field) with their bulk jobs, held in a {@link QualityState}. It runs on
 * the JDK's HTTP server with a fixed pool of threads and streams every listing as it is generated, so that it is never
 * what a benchmark measures.
 *
 * <pre>{@code
 * try (AlationSimulator alation = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 100_000))) {
 *     client.connect(alation.baseUrl(), 1, SimulatorSettings.DEMO_REFRESH_TOKEN);
 * }
 * }</pre>
 */
public final class AlationSimulator implements AutoCloseable {

    private static final System.Logger log = System.getLogger(AlationSimulator.class.getName());
    private static final String TOKEN_HEADER = "TOKEN";
    /** The largest write body: a custom-field call of 10,000 values needs megabytes, not a control call's 64 KB. */
    static final int MAX_WRITE_BODY = 32 * 1024 * 1024;
    private static final String LOAD_BALANCER_503 = "<html><head><title>503 Service Temporarily Unavailable</title>"
            + "</head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center>"
            + "</body></html>\n";

    private final SimulatorSettings settings;
    private final SimulatedCatalog catalog;
    private final SimulatorFaults faults;
    private final SimulatorStats stats = new SimulatorStats();
    private final AtomicLong dataRequests = new AtomicLong();
    private final AccessTokens tokens;
    private final TokenEndpoint tokenEndpoint;
    private final CatalogEndpoints catalogEndpoints;
    private final QualityState quality;
    private final DataQualityEndpoints dataQualityEndpoints;
    private final FlagEndpoints flagEndpoints;
    private final CustomFieldEndpoints customFieldEndpoints;
    private final SimulatorControl<Reply> control;
    private final SimulatorServer server;

    private AlationSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.catalog = new SimulatedCatalog(settings.seed(), settings.tables());
        this.faults = new SimulatorFaults(settings.faults());
        Clock clock = Clock.systemUTC();
        this.tokens = new AccessTokens(settings.users(), settings.tokenTtl(), settings.refreshTokenTtl(), clock);
        this.tokenEndpoint = new TokenEndpoint(tokens, stats);
        this.catalogEndpoints = new CatalogEndpoints(catalog);
        WriteSettings writes = settings.writes();
        this.quality = new QualityState(new DataQualityStore(), new TrustFlags(clock), new CustomFieldValues(),
                new BulkJobs(writes.jobs(), clock));
        this.dataQualityEndpoints = new DataQualityEndpoints(quality.dataQuality(), new CatalogObjects(catalog),
                quality.jobs(), writes.maxQualityItems(), clock);
        this.flagEndpoints = new FlagEndpoints(quality.flags(), catalog);
        this.customFieldEndpoints = new CustomFieldEndpoints(quality.customFields(), catalog, quality.jobs(), writes,
                clock);
        this.control = new SimulatorControl<>(faults, stats::write, this::resetStats, new DriftEndpoints(catalog),
                Reply::json, Reply::error, "Not found.");
        this.server = SimulatorServer.start(settings.bindAddress(), settings.port(), settings.threads(),
                "alation-simulator", this::handle);
    }

    /** Starts a simulator; it listens until {@link #close()}. */
    public static AlationSimulator start(SimulatorSettings settings) throws IOException {
        return new AlationSimulator(settings);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, without a trailing slash; a wildcard bind address is reached as localhost. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public SimulatedCatalog catalog() {
        return catalog;
    }

    /**
     * What the simulated Alation holds of the writes it was sent (data quality, flags, custom-field values, jobs),
     * and how its jobs run: for tests to assert on and to steer.
     */
    public QualityState quality() {
        return quality;
    }

    /** The live faults: changes apply to the next request. */
    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * The live drift of the catalog's tables: {@code rename}, {@code move} (a re-extraction under a new id),
     * {@code drop}, {@code reset}; every listing and lookup follows from the next request on.
     */
    public CatalogDrift drift() {
        return catalog.drift();
    }

    public SimulatorStats.Snapshot stats() {
        return stats.snapshot();
    }

    /**
     * Marks these data sources hidden (replacing any earlier set; none at start): their listings leave them out
     * unless asked with {@code include_hidden=true}, as Alation does. Their schemas and tables are listed as before,
     * so the catalog stays the one the seed generates.
     */
    public void hideDataSources(java.util.Collection<Long> dataSourceIds) {
        catalogEndpoints.hide(java.util.Set.copyOf(dataSourceIds));
    }

    /**
     * Revokes the user's refresh token, as an Alation admin does: it mints no access token any more, and
     * {@code validateRefreshToken} answers 401 for it. Access tokens minted before keep working until they expire.
     */
    public void revokeRefreshToken(long userId) {
        tokens.revoke(userId);
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
            SimulatorEndpoint.Route route = SimulatorEndpoint.route(method, path);
            Reply reply = answer(exchange, route, method, path);
            stats.record(route.endpoint(), reply.status(), reply.objects());
            SimulatorServer.send(exchange, reply);
        } catch (IOException clientGone) {
            log.log(System.Logger.Level.DEBUG, "Client went away: {0}", clientGone.toString());
        } catch (RuntimeException bug) {
            log.log(System.Logger.Level.ERROR, "Alation simulator failed to answer", bug);
        }
    }

    private Reply answer(HttpExchange exchange, SimulatorEndpoint.Route route, String method, String path)
            throws IOException {
        SimulatorFaults.Settings faults = this.faults.current();
        SimulatorServer.sleep(faults.latency());
        if (this.faults.isDown()) {
            return Reply.html(503, LOAD_BALANCER_503);
        }
        SimulatorEndpoint endpoint = route.endpoint();
        if (endpoint == SimulatorEndpoint.UNKNOWN) {
            return unknownPath(method, path, exchange.getRequestURI().getRawQuery());
        }
        if (!endpoint.method().equals(method)) {
            return Reply.error(405, "Method \"" + method + "\" not allowed.");
        }
        if (endpoint == SimulatorEndpoint.VALIDATE_REFRESH_TOKEN) {
            return tokenEndpoint.validate(exchange.getRequestHeaders().getFirst("Content-Type"),
                    SimulatorServer.readBody(exchange));
        }
        if (endpoint == SimulatorEndpoint.TOKEN) {
            return tokenEndpoint.mint(exchange.getRequestHeaders().getFirst("Content-Type"), SimulatorServer.readBody(exchange));
        }
        long n = dataRequests.incrementAndGet();
        if (faults.inBurst(n)) {
            return Reply.html(503, LOAD_BALANCER_503);
        }
        AccessTokens.Token token = tokens.admitted(exchange.getRequestHeaders().getFirst(TOKEN_HEADER),
                faults.expireTokenAfter());
        if (token == null) {
            return Reply.error(403, "Authentication credentials were not provided.");
        }
        if (faults.throttles(n)) {
            return Reply.error(429, "Request was throttled.", "429000",
                    Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())));
        }
        try {
            QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
            byte[] body = endpoint.hasBody() ? SimulatorServer.readBody(exchange, MAX_WRITE_BODY) : null;
            if (endpoint.hasBody() && body == null) {
                return Reply.error(413, "Request body too large.");
            }
            return serve(endpoint, route.id(), path, query, body, token.userId());
        } catch (QueryParameters.BadRequest bad) {
            return bad.reply();
        }
    }

    /** A data request past the faults and the token check; writes are attributed to the token's user. */
    private Reply serve(SimulatorEndpoint endpoint, long id, String path, QueryParameters query, byte[] body,
                        long userId) {
        return switch (endpoint) {
            case DATA_QUALITY -> dataQualityEndpoints.upsert(body);
            case DATA_QUALITY_DELETE -> dataQualityEndpoints.delete(body);
            case DATA_QUALITY_FIELDS -> dataQualityEndpoints.fields(path, query);
            case DATA_QUALITY_VALUES -> dataQualityEndpoints.values(path, query);
            case BULK_JOB -> job(query);
            case FLAG_CREATE -> flagEndpoints.create(body, userId);
            case FLAGS -> flagEndpoints.list(path, query);
            case FLAG_DELETE -> flagEndpoints.delete(id, userId);
            case CUSTOM_FIELD_ASYNC -> customFieldEndpoints.put(body);
            case CUSTOM_FIELD_VALUES -> customFieldEndpoints.list(path, query);
            default -> catalogEndpoints.serve(endpoint, id, path, query);
        };
    }

    /** {@code GET /api/v1/bulk_metadata/job/?id=}: one poll of the job, which may advance it; 404 when unknown. */
    private Reply job(QueryParameters query) {
        Long id = query.number("id");
        if (id == null) {
            return Reply.error(400, "The query parameter id is required.", "400006", Map.of());
        }
        return quality.jobs().poll(id).map(BulkJobs::answer).orElseGet(() -> Reply.error(404, "Not found."));
    }

    /** Django's APPEND_SLASH: a GET to a known path without its trailing slash is redirected to it; else 404. */
    private static Reply unknownPath(String method, String path, String rawQuery) {
        if (method.equals("GET") && !path.endsWith("/")
                && SimulatorEndpoint.route(path + "/").endpoint() != SimulatorEndpoint.UNKNOWN) {
            String location = path + "/" + (rawQuery == null ? "" : "?" + rawQuery);
            return new Reply(301, "text/html", Map.of("Location", location), 0, new byte[0], null);
        }
        return Reply.error(404, "Not found.");
    }

}
