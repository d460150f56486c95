package io.catalogbridge.openmetadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.client.RequestTimer;
import io.catalogbridge.client.RetryPolicy;
import io.catalogbridge.status.IntegrationHealth;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The policy of one call to OpenMetadata, applied by the {@code openmetadata-get} pipeline around each attempt: what
 * to send (the bearer JWT and nothing of the exchange's own headers), and what an answer means: done (2xx; 404,
 * which the caller judges from {@code openmetadataStatus}), back off and try again (429, 5xx, connection failure or
 * timeout, up to {@code max-attempts}), or fail. A 401/403 is final: OpenMetadata mints nothing, so a refused token
 * stays refused until the integration is given a new one. The retry policy and the timing
 * ({@code catalog_bridge.openmetadata.requests}, by endpoint and status) are the core's.
 */
@Component("openmetadataCalls")
public class OpenMetadataCalls {

    public static final String CONNECTION = "openmetadataConnection";
    public static final String REQUEST_URL = "openmetadataRequestUrl";
    public static final String REQUEST_QUERY = "openmetadataRequestQuery";
    /** A write's method and JSON body ({@code openmetadata-send}); a call without them is a GET. */
    public static final String REQUEST_METHOD = "openmetadataRequestMethod";
    public static final String REQUEST_BODY = "openmetadataRequestBody";
    /**
     * The status of the answer the call ended on: a 2xx, a 404, a 409 (a write of what exists already), or a refusal
     * while checking a token.
     */
    public static final String STATUS = "openmetadataStatus";
    /**
     * Set by the save-time check of a token not yet stored: a refusal (401/403) is then the caller's to judge (422:
     * the client's token is wrong), not a stored token gone bad.
     */
    public static final String CHECKING_TOKEN = "openmetadataCheckingToken";
    static final String ENDPOINT = "openmetadataEndpoint";
    static final String ATTEMPT = "openmetadataAttempt";
    static final String RETRY_DELAY = "openmetadataRetryDelay";
    static final String STARTED = "openmetadataCallStarted";
    static final String IO_FAILURE = "openmetadataIoFailure";

    public static final String OK = "ok";
    public static final String RETRY = "retry";

    /** The catalog's id in metrics, paths and properties. */
    public static final String CATALOG = "openmetadata";

    private static final Logger log = LoggerFactory.getLogger(OpenMetadataCalls.class);
    private static final Pattern UUID_SEGMENT =
            Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern NAME_SEGMENT = Pattern.compile("/name/[^/]+$");
    /** A test case's FQN in a result's path, before 1.6 ({@code /testCases/{fqn}/testCaseResult}) and after. */
    private static final Pattern CASE_SEGMENT =
            Pattern.compile("/testCases/(?:testCaseResults/[^/]+$|[^/]+(?=/testCaseResult$))");

    private final ObjectMapper objectMapper;
    private final RetryPolicy retries;
    private final RequestTimer timer;
    private final String httpOptions;
    private IntegrationHealth health;

    public OpenMetadataCalls(OpenMetadataProperties properties, ObjectMapper objectMapper, MeterRegistry meters) {
        this.objectMapper = objectMapper;
        this.retries = new RetryPolicy("OpenMetadata", properties, Clock.systemUTC(),
                OpenMetadataProblems.OpenMetadataUnavailable::new);
        this.timer = new RequestTimer(meters, CATALOG);
        this.httpOptions = httpOptions(properties);
    }

    /**
     * The HTTP endpoint's options, OpenMetadata's own: the {@code http} and {@code https} components are shared with
     * other catalogs, so the timeouts and the connection pool's limit per host ({@code max-requests-in-flight}) are
     * set on each OpenMetadata endpoint rather than on the components. The client follows no redirect (a redirect
     * could carry the token elsewhere) and retries nothing itself ({@link OpenMetadataHttpConfiguration}): retrying
     * is this policy's, with backoff, Retry-After and metrics.
     */
    static String httpOptions(OpenMetadataProperties properties) {
        long read = properties.readTimeout().toMillis();
        return "throwExceptionOnFailure=false&followRedirects=false"
                + "&connectTimeout=" + properties.connectTimeout().toMillis()
                + "&soTimeout=" + read + "&responseTimeout=" + read
                // waiting for a pooled connection is waiting for the calls in flight: allow for a few of them
                + "&connectionRequestTimeout=" + read * 4
                + "&connectionsPerRoute=" + properties.maxRequestsInFlight()
                + "&httpClientConfigurer=#" + OpenMetadataHttpConfiguration.CLIENT_CONFIGURER;
    }

    /** Where each call's end is recorded for the integration's status (none in unit tests). */
    @Autowired(required = false)
    void setHealth(IntegrationHealth health) {
        this.health = health;
    }

    /** Before the first attempt of a call. */
    public void begin(Exchange exchange) {
        exchange.setProperty(ATTEMPT, 0);
        exchange.removeProperty(STATUS);
    }

    /**
     * Before each attempt: the request carries the bearer JWT, Accept and the query, and nothing else of the exchange
     * (the caller's API key above all). The endpoint is the server's origin with OpenMetadata's options; the path goes
     * in a header as it is, so that a percent-encoded FQN reaches OpenMetadata byte for byte.
     */
    public void prepare(Exchange exchange) {
        OpenMetadataConnection connection = exchange.getProperty(CONNECTION, OpenMetadataConnection.class);
        URI url = URI.create(exchange.getProperty(REQUEST_URL, String.class));
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(null);
        message.setHeader("Authorization", "Bearer " + connection.jwtToken());
        message.setHeader("Accept", "application/json");
        String body = exchange.getProperty(REQUEST_BODY, String.class);
        message.setHeader(Exchange.HTTP_METHOD, exchange.getProperty(REQUEST_METHOD, "GET", String.class));
        if (body != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(body);
        }
        message.setHeader(Exchange.HTTP_PATH, url.getRawPath());
        String query = exchange.getProperty(REQUEST_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            message.setHeader(Exchange.HTTP_QUERY, query);
        }
        exchange.setProperty(ENDPOINT, url.getScheme() + "://" + url.getRawAuthority() + "?" + httpOptions);
        exchange.removeProperty(IO_FAILURE);
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** The attempt could not get an answer: connection refused or reset, timeout, unknown host. */
    public void connectionFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setProperty(IO_FAILURE, failure == null ? "I/O error" : failure.getClass().getSimpleName());
    }

    /**
     * Judges the answer of an attempt: {@link #OK} (with {@code openmetadataStatus} set) or {@link #RETRY} (with the
     * wait in {@code openmetadataRetryDelay}); throws when the call has failed for good.
     */
    public String classify(Exchange exchange) {
        OpenMetadataConnection connection = exchange.getProperty(CONNECTION, OpenMetadataConnection.class);
        // the save-time check of a token not yet stored is no call of the tenant's integration
        boolean stored = health != null && !exchange.getProperty(CHECKING_TOKEN, false, Boolean.class);
        try {
            String outcome = judge(exchange, connection);
            if (stored && OK.equals(outcome)) {
                health.succeeded(CATALOG, connection.tenant());
            }
            return outcome;
        } catch (RuntimeException failure) {
            if (stored) {
                health.failed(CATALOG, connection.tenant(), failure.getMessage(),
                        failure instanceof OpenMetadataProblems.OpenMetadataTokenRefused, connection.jwtToken());
            }
            throw failure;
        }
    }

    private String judge(Exchange exchange, OpenMetadataConnection connection) {
        String endpoint = endpointOf(exchange.getProperty(REQUEST_URL, String.class));
        String ioFailure = exchange.getProperty(IO_FAILURE, String.class);
        int status = ioFailure != null ? 0 : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        record(endpoint, ioFailure != null ? "io_error" : Integer.toString(status), exchange);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        String call = exchange.getProperty(REQUEST_METHOD, "GET", String.class) + " " + endpoint;

        boolean refused = status == 401 || status == 403;
        if (status >= 200 && status < 300 || status == 404 || status == 409
                || refused && exchange.getProperty(CHECKING_TOKEN, false, Boolean.class)) {
            exchange.setProperty(STATUS, status);
            return OK;
        }
        String said = OpenMetadataTokenCheck.quote(exchange.getMessage().getBody(byte[].class), connection.jwtToken(),
                objectMapper);
        if (refused) {
            log.warn("OpenMetadata refused the token of tenant {} on {} ({})", connection.tenant(), call, status);
            throw new OpenMetadataProblems.OpenMetadataTokenRefused("OpenMetadata refused the stored token on " + call
                    + " (HTTP " + status + (said == null ? "" : ": " + said) + "): it has expired or was revoked, or"
                    + " its user lacks permission there; update the OpenMetadata integration with a new token");
        }
        if (!RetryPolicy.isRetryable(ioFailure, status)) {
            throw new OpenMetadataProblems.OpenMetadataBadResponse("OpenMetadata answered " + call + " with HTTP "
                    + status + (said == null ? "" : ": " + said));
        }
        exchange.setProperty(RETRY_DELAY, retries.nextDelayOrGiveUp(connection.tenant(), call, attempt, ioFailure,
                status, exchange.getMessage().getHeader("Retry-After", String.class)));
        return RETRY;
    }

    /** Times the attempt in the core's per-catalog timer ({@code catalog_bridge.openmetadata.requests}). */
    private void record(String endpoint, String status, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            timer.record(endpoint, status, started);
        }
    }

    /**
     * The endpoint as messages and metrics name it: its path under {@code /api}, ids and names replaced
     * ({@code /v1/tables/{id}}, {@code /v1/tables/name/{fqn}}), so that the metric's series stay few.
     */
    static String endpointOf(String url) {
        if (url == null) {
            return "?";
        }
        String path = URI.create(url).getRawPath();
        int api = path == null ? -1 : path.lastIndexOf("/api/v1/");
        if (api < 0) {
            return path == null || path.isEmpty() ? "?" : path;
        }
        String endpoint = UUID_SEGMENT.matcher(path.substring(api + 4)).replaceAll("/{id}");
        endpoint = NAME_SEGMENT.matcher(endpoint).replaceAll("/name/{fqn}");
        return CASE_SEGMENT.matcher(endpoint).replaceAll(match -> match.group().contains("/testCaseResults/")
                ? "/testCases/testCaseResults/{fqn}" : "/testCases/{fqn}");
    }
}
