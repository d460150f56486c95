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
 * paged the way Alation pages, with switchable {@link SimulatorFaults}. It runs on the JDK's HTTP server with a fixed
 * pool of threads and streams every listing as it is generated, so that it is never what a benchmark measures.
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
    private final SimulatorControl<Reply> control;
    private final SimulatorServer server;

    private AlationSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.catalog = new SimulatedCatalog(settings.seed(), settings.tables());
        this.faults = new SimulatorFaults(settings.faults());
        this.tokens = new AccessTokens(settings.users(), settings.tokenTtl(), Clock.systemUTC());
        this.tokenEndpoint = new TokenEndpoint(tokens, stats);
        this.catalogEndpoints = new CatalogEndpoints(catalog);
        this.control = new SimulatorControl<>(faults, stats::write, this::resetStats, Reply::json, Reply::error,
                "Not found.");
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

    /** The live faults: changes apply to the next request. */
    public SimulatorFaults faults() {
        return faults;
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
            SimulatorEndpoint.Route route = SimulatorEndpoint.route(path);
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
        SimulatorEndpoint endpoint = route.endpoint();
        if (endpoint == SimulatorEndpoint.UNKNOWN) {
            return unknownPath(method, path, exchange.getRequestURI().getRawQuery());
        }
        if (!endpoint.method().equals(method)) {
            return Reply.error(405, "Method \"" + method + "\" not allowed.");
        }
        if (endpoint == SimulatorEndpoint.TOKEN) {
            return tokenEndpoint.mint(exchange.getRequestHeaders().getFirst("Content-Type"), SimulatorServer.readBody(exchange));
        }
        long n = dataRequests.incrementAndGet();
        if (faults.inBurst(n)) {
            return Reply.html(503, LOAD_BALANCER_503);
        }
        if (!tokens.admit(exchange.getRequestHeaders().getFirst(TOKEN_HEADER), faults.expireTokenAfter())) {
            return Reply.error(403, "Authentication credentials were not provided.");
        }
        if (faults.throttles(n)) {
            return Reply.error(429, "Request was throttled.", "429000",
                    Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())));
        }
        try {
            return catalogEndpoints.serve(endpoint, route.id(), path,
                    QueryParameters.parse(exchange.getRequestURI().getRawQuery()));
        } catch (QueryParameters.BadRequest bad) {
            return bad.reply();
        }
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
