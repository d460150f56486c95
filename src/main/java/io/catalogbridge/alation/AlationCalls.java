package io.catalogbridge.alation;

import io.catalogbridge.client.RequestTimer;
import io.catalogbridge.client.RetryPolicy;
import io.catalogbridge.status.IntegrationHealth;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The policy of one call to Alation, applied by the {@code alation-get} pipeline around each attempt: what to send,
 * and what an answer means: done, mint a new token and try again (401/403, once), back off and try again (429, 5xx,
 * connection failure or timeout, up to {@code max-attempts}), or fail with a message that names the endpoint.
 * The retry policy and the timing ({@code catalog_bridge.alation.requests}, by endpoint and status) are the core's
 * ({@link RetryPolicy}, {@link RequestTimer}), used with Alation's settings.
 */
@Component("alationCalls")
public class AlationCalls {

    public static final String CONNECTION = "alationConnection";
    public static final String REQUEST_URL = "alationRequestUrl";
    public static final String REQUEST_QUERY = "alationRequestQuery";
    public static final String ACCESS_TOKEN = "alationAccessToken";
    /** A write's method and JSON body ({@code alation-send}); a call without them is a GET. */
    public static final String REQUEST_METHOD = "alationRequestMethod";
    public static final String REQUEST_BODY = "alationRequestBody";
    /**
     * A write that is not idempotent (a trust flag's POST): true when an attempt that may have reached Alation (a
     * 5xx, a connection failure, a timeout) is not to be repeated; the call fails instead, and the caller looks
     * before it writes again. A 429 or a refused token is still retried: Alation did nothing then.
     */
    public static final String REQUEST_ONCE = "alationRequestOnce";
    /**
     * Statuses (a collection of integers) that are an answer of the call rather than its failure, e.g. 404 and 403
     * for the delete of a flag that is gone or someone else's; the caller reads {@code CamelHttpResponseCode}. A 401
     * or 403 is still answered with a fresh token once first.
     */
    public static final String REQUEST_ACCEPTS = "alationRequestAccepts";
    static final String ATTEMPT = "alationAttempt";
    static final String REMINTED = "alationReminted";
    static final String RETRY_DELAY = "alationRetryDelay";
    static final String STARTED = "alationCallStarted";
    static final String IO_FAILURE = "alationIoFailure";

    public static final String OK = "ok";
    public static final String REMINT = "remint";
    public static final String RETRY = "retry";

    private static final Logger log = LoggerFactory.getLogger(AlationCalls.class);

    /** The catalog's id in metrics, paths and properties. */
    public static final String CATALOG = "alation";

    private final AlationErrors errors;
    private final RetryPolicy retries;
    private final RequestTimer timer;
    private IntegrationHealth health;

    @Autowired
    public AlationCalls(AlationProperties properties, AlationErrors errors, MeterRegistry meters) {
        this(properties, errors, meters, Clock.systemUTC());
    }

    AlationCalls(AlationProperties properties, AlationErrors errors, MeterRegistry meters, Clock clock) {
        this.errors = errors;
        this.retries = new RetryPolicy("Alation", properties, clock, AlationProblems.AlationUnavailable::new);
        this.timer = new RequestTimer(meters, CATALOG);
    }

    /** Where each call's end is recorded for the integration's status (none in unit tests). */
    @Autowired(required = false)
    void setHealth(IntegrationHealth health) {
        this.health = health;
    }

    /** Before the first attempt of a call. */
    public void begin(Exchange exchange) {
        exchange.setProperty(ATTEMPT, 0);
        exchange.setProperty(REMINTED, false);
    }

    /**
     * Before each attempt: the request carries the access token, the query and, for a write, its body, and nothing
     * else of the exchange. The body is sent again as it is at each attempt: a write that is not idempotent (a trust
     * flag's POST) sets {@link #REQUEST_ONCE}, so that an attempt that may have reached Alation is not repeated.
     */
    public void prepare(Exchange exchange) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader("TOKEN", exchange.getProperty(ACCESS_TOKEN, String.class));
        message.setHeader(Exchange.HTTP_METHOD, methodOf(exchange));
        message.setHeader("Accept", "application/json");
        String body = exchange.getProperty(REQUEST_BODY, String.class);
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String query = exchange.getProperty(REQUEST_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        exchange.removeProperty(IO_FAILURE);
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** The attempt could not get an answer: connection refused or reset, timeout, unknown host. */
    public void connectionFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setProperty(IO_FAILURE, failure == null ? "I/O error" : failure.getClass().getSimpleName());
    }

    /**
     * Judges the answer of an attempt. Answers {@link #OK}, {@link #REMINT} or {@link #RETRY} (with the wait set in
     * {@code alationRetryDelay}); throws when the call has failed for good.
     */
    public String classify(Exchange exchange) {
        AlationConnection connection = exchange.getProperty(CONNECTION, AlationConnection.class);
        try {
            String outcome = judge(exchange, connection);
            if (OK.equals(outcome)) {
                succeeded(connection);
            }
            return outcome;
        } catch (RuntimeException failure) {
            failed(connection, failure, false, exchange);
            throw failure;
        }
    }

    /** Records for the integration's status that Alation answered a call of the stored connection. */
    void succeeded(AlationConnection connection) {
        if (health != null && connection != null) {
            health.succeeded(CATALOG, connection.tenant());
        }
    }

    /** Records for the integration's status that a call of the stored connection failed for good. */
    void failed(AlationConnection connection, RuntimeException failure, boolean refused, Exchange exchange) {
        if (health != null && connection != null) {
            health.failed(CATALOG, connection.tenant(), failure.getMessage(), refused, connection.refreshToken(),
                    exchange.getProperty(ACCESS_TOKEN, String.class));
        }
    }

    private String judge(Exchange exchange, AlationConnection connection) {
        String endpoint = endpointOf(exchange.getProperty(REQUEST_URL, String.class));
        String ioFailure = exchange.getProperty(IO_FAILURE, String.class);
        int status = ioFailure != null ? 0 : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        record(endpoint, ioFailure != null ? "io_error" : Integer.toString(status), exchange);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        String call = methodOf(exchange) + " " + endpoint;

        if (status >= 200 && status < 300) {
            return OK;
        }
        boolean accepted = exchange.getProperty(REQUEST_ACCEPTS, java.util.Collection.class) instanceof
                java.util.Collection<?> statuses && statuses.contains(status);
        if (accepted && (status != 401 && status != 403 || exchange.getProperty(REMINTED, false, Boolean.class))) {
            return OK;
        }
        if (status == 401 || status == 403) {
            if (!exchange.getProperty(REMINTED, false, Boolean.class)) {
                exchange.setProperty(REMINTED, true);
                exchange.setProperty(ATTEMPT, attempt - 1);
                log.info("Alation refused the access token of tenant {} on {} ({}); minting a new one",
                        connection.tenant(), call, status);
                return REMINT;
            }
            String body = bodyOf(exchange);
            String reason = errors.reason(body, status);
            if (errors.saysNotAuthenticated(body, status)) {
                // Alation did not take the token at all: not a permission of the user's, whatever the status
                throw new AlationProblems.AlationBadResponse("Alation refused " + call + " (HTTP " + status
                        + ") even with a fresh access token: it did not accept the token as credentials (Alation said: "
                        + reason + "); a proxy in front of Alation that drops the TOKEN header does this");
            }
            throw new AlationProblems.AlationBadResponse("Alation refused " + call + " (HTTP " + status
                    + ") even with a fresh access token: the user lacks permission there (" + reason + ")");
        }
        if (!isRetryable(ioFailure, status)) {
            throw new AlationProblems.AlationBadResponse("Alation answered " + call + " with HTTP " + status + ": "
                    + errors.reason(bodyOf(exchange), status));
        }
        if (status != 429 && exchange.getProperty(REQUEST_ONCE, false, Boolean.class)) {
            throw new AlationProblems.AlationUnavailable("Alation answered " + call + " with "
                    + (ioFailure != null ? ioFailure : "HTTP " + status) + "; not sent again, for Alation may have"
                    + " done it (the next attempt looks first)");
        }
        return retryOrGiveUp(exchange, connection.tenant(), call, attempt, ioFailure, status);
    }

    /** Throttling, a server error or no answer at all: worth another attempt (the core's rule). */
    static boolean isRetryable(String ioFailure, int status) {
        return RetryPolicy.isRetryable(ioFailure, status);
    }

    /**
     * The retry policy of every call to Alation (data calls and the token exchange alike), the core's
     * {@link RetryPolicy} with Alation's settings: after the {@code attempt}-th retryable failure, either answers
     * {@link #RETRY} with the wait in {@code alationRetryDelay} (Retry-After when Alation sent one, else exponential
     * backoff with jitter), or, once {@code max-attempts} are spent, throws a 502 naming the call and the last failure.
     */
    String retryOrGiveUp(Exchange exchange, String tenant, String call, int attempt, String ioFailure, int status) {
        exchange.setProperty(RETRY_DELAY, retries.nextDelayOrGiveUp(tenant, call, attempt, ioFailure, status,
                exchange.getMessage().getHeader("Retry-After", String.class)));
        return RETRY;
    }

    /** Retry-After (seconds or HTTP date) when Alation sends one, else exponential backoff with jitter; capped. */
    long retryDelay(int attempt, String retryAfter) {
        return retries.retryDelay(attempt, retryAfter);
    }

    /** Times the attempt in the core's per-catalog timer ({@code catalog_bridge.alation.requests}). */
    void record(String endpoint, String status, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            timer.record(endpoint, status, started);
        }
    }

    private static String methodOf(Exchange exchange) {
        return exchange.getProperty(REQUEST_METHOD, "GET", String.class);
    }

    private static String bodyOf(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    /** The endpoint's path with ids replaced ({@code /integration/v1/datasource/{id}/}), for logs and metrics. */
    static String endpointOf(String url) {
        if (url == null) {
            return "?";
        }
        String path = java.net.URI.create(url).getPath();
        return path == null ? "?" : path.replaceAll("/\\d+/", "/{id}/");
    }
}
